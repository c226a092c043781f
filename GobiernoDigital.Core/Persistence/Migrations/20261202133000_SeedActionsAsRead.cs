using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GobiernoDigital.Core.Persistence.Migrations
{
    /// <summary>
    /// Data only, no schema change: the seed's actions as a person reads them (<see cref="Domain.ImprovementReading"/>).
    /// Earlier releases made one action per «mejoras para implementar» paragraph, so «Descripción: …», «Acciones:» and
    /// the steps listed after it were actions of their own. Each such continuation is joined, on a new line, to the
    /// action it continues and then removed, only where nobody has edited any action of that group.
    /// </summary>
    /// <remarks>
    /// An action counts as unedited when it is still exactly as seeded: its text is a paragraph of its finding, status
    /// No iniciada, 0 %, no owner, no expected points, revision 0 (every save bumps it), no evidence, and no audit entry
    /// about it or about evidence of it. Down does nothing: the joined texts stay as they are.
    /// </remarks>
    public partial class SeedActionsAsRead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The same rule as ImprovementReading: labelled paragraphs, and after an «Acciones:» label every paragraph
            // up to the next numbered item («2)», «2.»), continue the action before them. The first action never does.
            migrationBuilder.Sql("""
                CREATE TEMP TABLE "_LecturaAcciones" AS
                WITH "p" AS (
                    SELECT a."Id", a."FindingId", a."DisplayOrder",
                        (substr(a."Description", 1, 12) = 'Descripción:' OR substr(a."Description", 1, 9) = 'Acciones:') AS "Labelled",
                        (a."Description" GLOB '[0-9][).]*' OR a."Description" GLOB '[0-9][0-9][).]*') AS "Numbered",
                        (instr(a."Description", 'Acciones:') > 0) AS "OpensList",
                        (a."Revision" = 0 AND a."Status" = 'NoIniciada' AND a."Progress" = 0 AND a."Responsible" IS NULL
                            AND a."ExpectedPoints" IS NULL AND a."CompletedOn" IS NULL
                            AND EXISTS (SELECT 1 FROM "Hallazgos" AS f, json_each(f."Improvements") AS j
                                        WHERE f."Id" = a."FindingId" AND trim(j."value") = a."Description")
                            AND NOT EXISTS (SELECT 1 FROM "Evidencias" AS e WHERE e."ActionId" = a."Id")
                            AND NOT EXISTS (SELECT 1 FROM "Auditoria" AS au
                                            WHERE (au."EntityType" LIKE 'Acci%' AND au."EntityKey" = CAST(a."Id" AS TEXT))
                                               OR (au."EntityType" LIKE 'Evidencia%'
                                                   AND (json_extract(au."NewValues", '$.ActionId') = a."Id"
                                                        OR json_extract(au."OldValues", '$.ActionId') = a."Id")))) AS "Unedited"
                    FROM "Acciones" AS a
                ),
                "c" AS (
                    SELECT x.*,
                        (EXISTS (SELECT 1 FROM "p" AS y WHERE y."FindingId" = x."FindingId" AND y."DisplayOrder" < x."DisplayOrder")
                         AND (x."Labelled" OR (NOT x."Numbered" AND EXISTS (
                            SELECT 1 FROM "p" AS b
                            WHERE b."FindingId" = x."FindingId" AND b."DisplayOrder" < x."DisplayOrder" AND b."OpensList"
                              AND NOT EXISTS (SELECT 1 FROM "p" AS n
                                              WHERE n."FindingId" = x."FindingId" AND n."Numbered"
                                                AND n."DisplayOrder" > b."DisplayOrder" AND n."DisplayOrder" < x."DisplayOrder"))))) AS "Continues"
                    FROM "p" AS x
                )
                SELECT c."Id", c."FindingId", c."DisplayOrder", c."Continues", c."Unedited",
                    CASE WHEN c."Continues" THEN
                        (SELECT h."Id" FROM "c" AS h
                         WHERE h."FindingId" = c."FindingId" AND NOT h."Continues" AND h."DisplayOrder" < c."DisplayOrder"
                         ORDER BY h."DisplayOrder" DESC LIMIT 1)
                    ELSE c."Id" END AS "HeadId"
                FROM "c" AS c;
                """);

            // A group is joined only when the heading and every continuation are unedited and there is something to join.
            migrationBuilder.Sql("""
                CREATE TEMP TABLE "_GruposUnir" AS
                SELECT g."HeadId" FROM "_LecturaAcciones" AS g
                GROUP BY g."HeadId"
                HAVING min(g."Unedited") = 1 AND max(g."Continues") = 1;
                """);

            migrationBuilder.Sql("""
                UPDATE "Acciones"
                SET "Description" = "Description" || char(10) || (
                    SELECT group_concat(a."Description", char(10) ORDER BY a."DisplayOrder")
                    FROM "Acciones" AS a JOIN "_LecturaAcciones" AS g ON g."Id" = a."Id"
                    WHERE g."HeadId" = "Acciones"."Id" AND g."Continues")
                WHERE "Id" IN (SELECT "HeadId" FROM "_GruposUnir");
                """);

            migrationBuilder.Sql("""
                DELETE FROM "Acciones"
                WHERE "Id" IN (SELECT g."Id" FROM "_LecturaAcciones" AS g
                               WHERE g."Continues" AND g."HeadId" IN (SELECT "HeadId" FROM "_GruposUnir"));
                """);

            migrationBuilder.Sql("""DROP TABLE "_GruposUnir";""");
            migrationBuilder.Sql("""DROP TABLE "_LecturaAcciones";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo in the schema; joined descriptions are not split again.
        }
    }
}
