using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GobiernoDigital.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReadableAuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Changes",
                table: "Auditoria",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Details",
                table: "Auditoria",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordName",
                table: "Auditoria",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Auditoria_EntityType",
                table: "Auditoria",
                column: "EntityType");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Auditoria_EntityType",
                table: "Auditoria");

            migrationBuilder.DropColumn(
                name: "Changes",
                table: "Auditoria");

            migrationBuilder.DropColumn(
                name: "Details",
                table: "Auditoria");

            migrationBuilder.DropColumn(
                name: "RecordName",
                table: "Auditoria");
        }
    }
}
