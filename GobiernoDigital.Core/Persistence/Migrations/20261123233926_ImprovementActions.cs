using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GobiernoDigital.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ImprovementActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Acciones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FindingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Responsible = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectedPoints = table.Column<decimal>(type: "TEXT", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DisplayOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Acciones", x => x.Id);
                    table.CheckConstraint("CK_Acciones_Avance", "\"Progress\" BETWEEN 0 AND 100");
                    table.CheckConstraint("CK_Acciones_Estado", "\"Status\" IN ('NoIniciada', 'EnCurso', 'Completada', 'Cancelada')");
                    table.CheckConstraint("CK_Acciones_Fechas", "\"EndDate\" >= \"StartDate\"");
                    table.ForeignKey(
                        name: "FK_Acciones_Hallazgos_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Hallazgos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Evidencias",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evidencias", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evidencias_Acciones_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Acciones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Acciones_EndDate",
                table: "Acciones",
                column: "EndDate");

            migrationBuilder.CreateIndex(
                name: "IX_Acciones_FindingId",
                table: "Acciones",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidencias_ActionId",
                table: "Evidencias",
                column: "ActionId");

            // A database seeded before actions existed: each dated «mejoras para implementar» paragraph becomes an
            // action, as a first start does now (status No iniciada, no owner). A new database has no findings yet.
            migrationBuilder.Sql("""
                INSERT INTO "Acciones" ("FindingId", "Description", "Responsible", "StartDate", "EndDate", "Status", "Progress", "ExpectedPoints", "CompletedOn", "DisplayOrder", "Revision")
                SELECT f."Id", trim(j."value"), NULL, f."DeadlineStart", f."DeadlineEnd", 'NoIniciada', 0, NULL, NULL, j."key" + 1, 0
                FROM "Hallazgos" AS f, json_each(f."Improvements") AS j
                WHERE f."DeadlineStart" IS NOT NULL AND f."DeadlineEnd" IS NOT NULL AND f."ImprovementsNotApplicable" = 0 AND trim(j."value") <> ''
                ORDER BY f."Id", j."key";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Evidencias");

            migrationBuilder.DropTable(
                name: "Acciones");
        }
    }
}
