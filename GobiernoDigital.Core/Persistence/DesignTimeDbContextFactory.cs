using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GobiernoDigital.Core.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the context without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<GobiernoDigitalDbContext>
{
    public GobiernoDigitalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<GobiernoDigitalDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
