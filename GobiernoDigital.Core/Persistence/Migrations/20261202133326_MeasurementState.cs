using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GobiernoDigital.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MeasurementState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every measurement recorded before measurements had a state was taken as final: it stays Definitiva.
            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Mediciones",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Definitiva");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "State",
                table: "Mediciones");
        }
    }
}
