using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GobiernoDigital.Core.Persistence;

/// <summary>
/// A number per database that grows after every change written through a context configured with
/// <see cref="Interceptor"/>: figures computed at one version stay valid while the version has not moved, so a cache
/// can keep them exactly until the data changes.
/// </summary>
/// <remarks>
/// It moves after each <c>SaveChanges</c> (saved or failed), each committed or rolled-back transaction and each
/// non-query command (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, raw SQL), so the last move of a write always comes
/// after its commit: a reader that saw version <em>v</em> and then read the database has read every write that moved
/// it up to <em>v</em>. Databases are told apart by their file (the SQLite <c>Data Source</c>, made absolute), so the
/// app and a test that writes to the app's file share one number. Writes that bypass the interceptor (another process
/// on the same file) are not seen.
/// </remarks>
public static class DataVersion
{
    private static readonly ConcurrentDictionary<string, StrongBox<long>> ByDatabase = new(StringComparer.Ordinal);

    // The same counters by connection string as written, so that a lookup parses a connection string only once.
    private static readonly ConcurrentDictionary<string, StrongBox<long>> ByConnectionString = new(StringComparer.Ordinal);

    /// <summary>The interceptor to add to every context that writes (<c>options.AddInterceptors(DataVersion.Interceptor)</c>).</summary>
    public static IInterceptor Interceptor { get; } = new ChangeInterceptor();

    /// <summary>The current version of the database of <paramref name="connectionString"/>.</summary>
    public static long Of(string? connectionString) => Interlocked.Read(ref Counter(connectionString).Value);

    private static void Advance(string? connectionString) => Interlocked.Increment(ref Counter(connectionString).Value);

    private static StrongBox<long> Counter(string? connectionString) =>
        ByConnectionString.GetOrAdd(connectionString ?? string.Empty, written => ByDatabase.GetOrAdd(Key(written), _ => new StrongBox<long>()));

    /// <summary>The database's identity: the absolute path of its SQLite file, or the connection string itself.</summary>
    private static string Key(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return string.Empty;
        }

        try
        {
            var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
            return string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? connectionString : Path.GetFullPath(dataSource);
        }
        catch (ArgumentException)
        {
            return connectionString;
        }
    }

    private sealed class ChangeInterceptor : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
    {
        public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Advance(eventData.Context);
            return result;
        }

        public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Advance(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public void SaveChangesFailed(DbContextErrorEventData eventData) => Advance(eventData.Context);

        public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Advance(eventData.Context);
            return Task.CompletedTask;
        }

        public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Advance(eventData.Context, transaction);

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Advance(eventData.Context, transaction);
            return Task.CompletedTask;
        }

        public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Advance(eventData.Context, transaction);

        public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Advance(eventData.Context, transaction);
            return Task.CompletedTask;
        }

        public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Advance(command.Connection);
            return result;
        }

        public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Advance(command.Connection);
            return ValueTask.FromResult(result);
        }

        private static void Advance(DbContext? context) => DataVersion.Advance(context?.Database.GetConnectionString());

        private static void Advance(DbConnection? connection) => DataVersion.Advance(connection?.ConnectionString);

        private static void Advance(DbContext? context, DbTransaction transaction) =>
            DataVersion.Advance(context?.Database.GetConnectionString() ?? transaction.Connection?.ConnectionString);
    }
}
