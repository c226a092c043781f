using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GobiernoDigital.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GobiernoDigital.Tests.TestDoubles;

/// <summary>
/// A SQLite file of its own under the temp folder, with the <see cref="IDbContextFactory{TContext}"/> the app's
/// services use. The file is deleted on dispose.
/// </summary>
public sealed class SqliteTestDatabase : IDbContextFactory<GobiernoDigitalDbContext>, IDisposable
{
    private readonly DbContextOptions<GobiernoDigitalDbContext> _options;

    public SqliteTestDatabase()
    {
        FilePath = Path.Combine(Path.GetTempPath(), $"gobiernodigital-test-{Guid.NewGuid():N}.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
        // As in the app: writes move DataVersion, so the app's caches drop what a test changed behind them.
        _options = new DbContextOptionsBuilder<GobiernoDigitalDbContext>().UseSqlite(ConnectionString).AddInterceptors(DataVersion.Interceptor).Options;
    }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public GobiernoDigitalDbContext CreateDbContext() => new(_options);

    public Task<GobiernoDigitalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(CreateDbContext());

    /// <summary>
    /// Every row of every table (migration history included), table by table in primary-key order, hashed:
    /// two equal dumps mean nothing was added, removed or changed.
    /// </summary>
    public async Task<string> ContentHashAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            dump.Append("## ").Append(table).Append('\n');
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('\t');
                }

                dump.Append('\n');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(dump.ToString())));
    }

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { FilePath, FilePath + "-journal", FilePath + "-wal", FilePath + "-shm" })
        {
            File.Delete(path);
        }
    }
}
