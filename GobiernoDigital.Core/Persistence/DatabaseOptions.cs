using Microsoft.Data.Sqlite;

namespace GobiernoDigital.Core.Persistence;

/// <summary>Where the SQLite file lives.</summary>
public static class SqliteDatabase
{
    /// <summary>The default connection string: a file under the writable <c>App_Data</c> folder of the app.</summary>
    public const string DefaultConnectionString = "Data Source=App_Data/gobiernodigital.db";

    /// <summary>
    /// Makes a relative <c>Data Source</c> relative to <paramref name="baseDirectory"/> (not to whatever folder the
    /// process was started from) and creates the folder, so the file always lands in the same place.
    /// </summary>
    public static string Resolve(string? connectionString, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? DefaultConnectionString : connectionString);
        var dataSource = builder.DataSource;
        var inMemory = dataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory;
        if (!inMemory && !string.IsNullOrEmpty(dataSource))
        {
            if (!Path.IsPathRooted(dataSource))
            {
                dataSource = Path.GetFullPath(Path.Combine(baseDirectory, dataSource));
                builder.DataSource = dataSource;
            }

            var folder = Path.GetDirectoryName(dataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return builder.ToString();
    }
}
