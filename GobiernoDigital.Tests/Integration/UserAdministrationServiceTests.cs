using GobiernoDigital.Core.Auditing;
using GobiernoDigital.Core.Identity;
using GobiernoDigital.Core.Persistence;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Services;
using GobiernoDigital.Tests.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GobiernoDigital.Tests.Integration;

/// <summary>
/// The real service over the app's real Identity stack (a started app on a SQLite file of its own per test, so that
/// "the last administrator" is a state each test controls). Only the current user is a fake.
/// </summary>
public sealed class UserAdministrationServiceTests : IAsyncLifetime
{
    private const string AdminName = "admin.principal";
    private const string AdminDisplayName = "Ana Administradora";
    private const string Anonymous = "anónimo";
    private const string KnownPassword = TestUsers.Password;

    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    private readonly DashboardAppFactory _app = new();
    private ApplicationUser _admin = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _ = _app.Services; // Starts the app: migrated, seeded, the three roles created.
        _admin = await CreateUserAsync(AdminName, Roles.Administrador, AdminDisplayName, id: FakeCurrentUser.IdOf(AdminName));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(Anonymous)]
    [InlineData(Roles.Lector)]
    [InlineData(Roles.Editor)]
    public async Task EveryMethod_NotAnAdministrador_IsRefusedAndChangesNothing(string role)
    {
        var target = await CreateUserAsync("objetivo", Roles.Lector);
        var service = Service(role == Anonymous ? FakeCurrentUser.Anonymous() : FakeCurrentUser.InRole(role, "intruso"));
        var before = await _app.Database.ContentHashAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ListAsync(Cancellation));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.CreateAsync("nuevo.usuario", "Nuevo", Roles.Administrador, Cancellation));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ResetPasswordAsync(target.Id, Cancellation));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.SetDisabledAsync(target.Id, true, Cancellation));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ChangeRoleAsync(target.Id, Roles.Administrador, Cancellation));

        // Every row of every table (users, roles, audit trail) is as it was.
        Assert.Equal(before, await _app.Database.ContentHashAsync());
        Assert.True(await CheckPasswordAsync("objetivo", KnownPassword));
        Assert.Empty(await AuditEntriesAsync());
    }

    [Fact]
    public async Task ListAsync_Administrador_ListsEveryUserWithRoleAndState()
    {
        await CreateUserAsync("beatriz.editora", Roles.Editor, "Beatriz Editora");
        await CreateUserAsync("carlos.lector", Roles.Lector, "Carlos Lector", disabled: true);

        var users = await AdminService().ListAsync(Cancellation);

        Assert.Equal(["admin.principal", "beatriz.editora", "carlos.lector"], users.Select(u => u.UserName));
        var beatriz = users[1];
        Assert.Equal(("Beatriz Editora", Roles.Editor, false, "Activa"), (beatriz.DisplayName, beatriz.Role, beatriz.IsDisabled, beatriz.Status(Now)));
        var carlos = users[2];
        Assert.Equal((Roles.Lector, true, "Deshabilitada"), (carlos.Role, carlos.IsDisabled, carlos.Status(Now)));
    }

    [Fact]
    public async Task CreateAsync_Administrador_CreatesAnActiveUserWhoseGeneratedPasswordSignsIn()
    {
        var result = await AdminService().CreateAsync("  diana.editora ", " Diana Editora ", Roles.Editor, Cancellation);

        Assert.True(result.Succeeded, result.Error);
        var password = Assert.IsType<string>(result.Password);
        Assert.True(password.Length >= 14, password);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = Assert.IsType<ApplicationUser>(await users.FindByNameAsync("diana.editora"));
        Assert.Equal(result.UserId, user.Id);
        Assert.Equal(("Diana Editora", false), (user.DisplayName, user.IsDisabled));
        Assert.Equal([Roles.Editor], await users.GetRolesAsync(user));
        Assert.True(await users.CheckPasswordAsync(user, password));
        Assert.False(await users.IsLockedOutAsync(user));
        // Kept only as Identity's hash.
        Assert.DoesNotContain(password, user.PasswordHash!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_DuplicatedUserName_FailsInSpanishAndChangesNothing()
    {
        await CreateUserAsync("elena", Roles.Lector);
        var before = await _app.Database.ContentHashAsync();

        var result = await AdminService().CreateAsync("ELENA", "Otra Elena", Roles.Editor, Cancellation);

        Assert.False(result.Succeeded);
        Assert.Null(result.Password);
        Assert.Equal("Ya existe un usuario «ELENA».", result.Error);
        Assert.Equal(before, await _app.Database.ContentHashAsync());
    }

    [Theory]
    [InlineData("ab", "Nombre", Roles.Lector, "El usuario debe tener entre 3 y 100 caracteres.")]
    [InlineData("josé.pérez", "José Pérez", Roles.Lector, "El usuario solo puede tener letras sin tildes ni eñes, números y . _ @ -.")]
    [InlineData("con espacio", "Nombre", Roles.Lector, "El usuario solo puede tener letras sin tildes ni eñes, números y . _ @ -.")]
    [InlineData("sin.nombre", "  ", Roles.Lector, "Escriba el nombre de la persona.")]
    [InlineData("rol.raro", "Nombre", "Superusuario", "Elija un rol: Administrador, Editor o Lector.")]
    public async Task CreateAsync_InvalidInput_FailsInSpanishAndChangesNothing(string userName, string displayName, string role, string expected)
    {
        var before = await _app.Database.ContentHashAsync();

        var result = await AdminService().CreateAsync(userName, displayName, role, Cancellation);

        Assert.Equal(new GeneratedPasswordResult(false, expected), result);
        Assert.Equal(before, await _app.Database.ContentHashAsync());
    }

    [Fact]
    public async Task ResetPasswordAsync_Administrador_OldPasswordStopsWorkingNewOneWorksAndSessionsEnd()
    {
        var user = await CreateUserAsync("fabio", Roles.Editor);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // Locked out by failed sign-ins: the administrator's reset lets the user in again.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            await users.SetLockoutEndDateAsync(stored, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        var stampBefore = await SecurityStampAsync(user.Id);

        var result = await AdminService().ResetPasswordAsync(user.Id, Cancellation);

        Assert.True(result.Succeeded, result.Error);
        var password = Assert.IsType<string>(result.Password);
        Assert.True(password.Length >= 14, password);
        Assert.False(await CheckPasswordAsync("fabio", KnownPassword));
        Assert.True(await CheckPasswordAsync("fabio", password));
        Assert.NotEqual(stampBefore, await SecurityStampAsync(user.Id));
        Assert.False(await IsLockedOutAsync("fabio"));
    }

    [Fact]
    public async Task SetDisabledAsync_Administrador_DisablesAndLocksOutThenReEnables()
    {
        var user = await CreateUserAsync("gloria", Roles.Editor);
        var stampBefore = await SecurityStampAsync(user.Id);
        var service = AdminService();

        var disabled = await service.SetDisabledAsync(user.Id, true, Cancellation);

        Assert.Equal(EditResult.Ok, disabled);
        var stored = await FindAsync("gloria");
        Assert.True(stored.IsDisabled);
        Assert.Equal(DateTimeOffset.MaxValue, stored.LockoutEnd);
        Assert.True(await IsLockedOutAsync("gloria"));
        var stampDisabled = await SecurityStampAsync(user.Id);
        Assert.NotEqual(stampBefore, stampDisabled);
        Assert.Equal("Deshabilitada", (await service.ListAsync(Cancellation)).Single(u => u.Id == user.Id).Status(Now));

        var enabled = await service.SetDisabledAsync(user.Id, false, Cancellation);

        Assert.Equal(EditResult.Ok, enabled);
        stored = await FindAsync("gloria");
        Assert.False(stored.IsDisabled);
        Assert.Null(stored.LockoutEnd);
        Assert.False(await IsLockedOutAsync("gloria"));
        Assert.NotEqual(stampDisabled, await SecurityStampAsync(user.Id));
        Assert.True(await CheckPasswordAsync("gloria", KnownPassword));
        Assert.Equal("Activa", (await service.ListAsync(Cancellation)).Single(u => u.Id == user.Id).Status(Now));
    }

    [Fact]
    public async Task ChangeRoleAsync_Administrador_LeavesExactlyTheNewRole()
    {
        var user = await CreateUserAsync("hector", Roles.Lector);

        var result = await AdminService().ChangeRoleAsync(user.Id, Roles.Editor, Cancellation);

        Assert.Equal(EditResult.Ok, result);
        Assert.Equal([Roles.Editor], await RolesOfAsync(user.Id));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ChangeRoleOrDisable_AnOpenCircuitOfThatUser_FailsItsNextRevalidation(bool disable)
    {
        var user = await CreateUserAsync(disable ? "ivan.deshabilitado" : "ivan.degradado", Roles.Editor);
        await using var scope = _app.Services.CreateAsyncScope();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
        Assert.True(await StillValidAsync(principal));

        var result = disable
            ? await AdminService().SetDisabledAsync(user.Id, true, Cancellation)
            : await AdminService().ChangeRoleAsync(user.Id, Roles.Lector, Cancellation);

        Assert.Equal(EditResult.Ok, result);
        Assert.False(await StillValidAsync(principal));
    }

    [Fact]
    public async Task ChangeRoleAsync_NewSecurityStamp_TheCookiesOfOtherSessionsEnd()
    {
        var user = await CreateUserAsync("julia", Roles.Editor);

        Assert.Equal(EditResult.Ok, await AdminService().ChangeRoleAsync(user.Id, Roles.Lector, Cancellation));

        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.NotEqual(user.SecurityStamp, await users.GetSecurityStampAsync((await users.FindByIdAsync(user.Id))!));
    }

    [Fact]
    public async Task ChangeRoleAsync_AnotherEnabledAdministradorRemains_DemotesTheAdministrador()
    {
        var other = await CreateUserAsync("ines.admin", Roles.Administrador);

        var result = await AdminService().ChangeRoleAsync(other.Id, Roles.Lector, Cancellation);

        Assert.Equal(EditResult.Ok, result);
        Assert.Equal([Roles.Lector], await RolesOfAsync(other.Id));
    }

    [Fact]
    public async Task SetDisabledAsync_LastEnabledAdministrador_IsRefusedInSpanishAndChangesNothing()
    {
        // A disabled administrator does not count: the acting one is the last that can sign in.
        await CreateUserAsync("admin.anterior", Roles.Administrador, disabled: true);
        var before = await _app.Database.ContentHashAsync();

        var result = await AdminService().SetDisabledAsync(_admin.Id, true, Cancellation);

        Assert.False(result.Succeeded);
        Assert.StartsWith("No se puede deshabilitar al último administrador", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _app.Database.ContentHashAsync());
        Assert.False((await FindAsync(AdminName)).IsDisabled);
    }

    [Fact]
    public async Task ChangeRoleAsync_LastEnabledAdministrador_IsRefusedInSpanishAndChangesNothing()
    {
        await CreateUserAsync("admin.anterior", Roles.Administrador, disabled: true);
        var before = await _app.Database.ContentHashAsync();

        foreach (var role in new[] { Roles.Editor, Roles.Lector })
        {
            var result = await AdminService().ChangeRoleAsync(_admin.Id, role, Cancellation);

            Assert.False(result.Succeeded);
            Assert.StartsWith("No se puede quitar el rol de Administrador al último administrador", result.Error, StringComparison.Ordinal);
        }

        Assert.Equal(before, await _app.Database.ContentHashAsync());
        Assert.Equal([Roles.Administrador], await RolesOfAsync(_admin.Id));
    }

    [Fact]
    public async Task SetDisabledAsync_OwnAccountWithAnotherAdministrador_IsRefusedInSpanish()
    {
        await CreateUserAsync("admin.segundo", Roles.Administrador);
        var before = await _app.Database.ContentHashAsync();

        var result = await AdminService().SetDisabledAsync(_admin.Id, true, Cancellation);

        Assert.Equal(EditResult.Fail("No puede deshabilitar su propia cuenta: pídaselo a otro administrador."), result);
        Assert.Equal(before, await _app.Database.ContentHashAsync());
    }

    [Fact]
    public async Task EveryChange_UnknownUserOrRole_FailsInSpanishAndChangesNothing()
    {
        var user = await CreateUserAsync("ivan", Roles.Lector);
        var service = AdminService();
        var before = await _app.Database.ContentHashAsync();

        Assert.Equal(new GeneratedPasswordResult(false, "El usuario no existe."), await service.ResetPasswordAsync("no-existe", Cancellation));
        Assert.Equal(EditResult.Fail("El usuario no existe."), await service.SetDisabledAsync("no-existe", true, Cancellation));
        Assert.Equal(EditResult.Fail("El usuario no existe."), await service.ChangeRoleAsync("no-existe", Roles.Editor, Cancellation));
        Assert.Equal(
            EditResult.Fail("El rol «Superusuario» no existe. Elija Administrador, Editor o Lector."),
            await service.ChangeRoleAsync(user.Id, "Superusuario", Cancellation));

        Assert.Equal(before, await _app.Database.ContentHashAsync());
    }

    [Fact]
    public async Task EveryChange_Administrador_WritesOneAuditEntryWithActorAndValuesButNoPassword()
    {
        var service = AdminService();
        var passwords = new List<string> { KnownPassword };

        var created = await service.CreateAsync("juana", "Juana Pérez", Roles.Lector, Cancellation);
        Assert.True(created.Succeeded, created.Error);
        passwords.Add(created.Password!);
        var id = created.UserId!;
        AssertEntry(await SingleNewEntryAsync(0), AuditAction.Creado, id,
            "Usuario: juana", "Nombre para mostrar: Juana Pérez", "Rol: Lector", "Estado de la cuenta: Activa");

        var reset = await service.ResetPasswordAsync(id, Cancellation);
        Assert.True(reset.Succeeded, reset.Error);
        passwords.Add(reset.Password!);
        // Only what changed: the unchanged user name, display name, role and state are not listed.
        AssertEntry(await SingleNewEntryAsync(1), AuditAction.Modificado, id, "Contraseña: restablecida (las otras sesiones se cerraron)");

        Assert.Equal(EditResult.Ok, await service.ChangeRoleAsync(id, Roles.Editor, Cancellation));
        AssertEntry(await SingleNewEntryAsync(2), AuditAction.Modificado, id, "Rol: Lector → Editor");

        Assert.Equal(EditResult.Ok, await service.SetDisabledAsync(id, true, Cancellation));
        AssertEntry(await SingleNewEntryAsync(3), AuditAction.Modificado, id, "Estado de la cuenta: Activa → Deshabilitada");

        Assert.Equal(EditResult.Ok, await service.SetDisabledAsync(id, false, Cancellation));
        AssertEntry(await SingleNewEntryAsync(4), AuditAction.Modificado, id, "Estado de la cuenta: Deshabilitada → Activa");

        // Nothing to change: nothing recorded.
        Assert.Equal(EditResult.Ok, await service.ChangeRoleAsync(id, Roles.Editor, Cancellation));
        Assert.Equal(EditResult.Ok, await service.SetDisabledAsync(id, false, Cancellation));
        var entries = await AuditEntriesAsync();
        Assert.Equal(5, entries.Count);

        var hash = (await FindAsync("juana")).PasswordHash!;
        foreach (var entry in entries)
        {
            foreach (var secret in passwords.Append(hash))
            {
                Assert.DoesNotContain(secret, entry.OldValues ?? string.Empty, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, entry.NewValues!, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, entry.Changes!, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("Password", entry.NewValues!, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(id, entry.Changes!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void GeneratePassword_ManyTimes_MeetsIdentityRulesAndNeverRepeats()
    {
        var passwords = Enumerable.Range(0, 500).Select(_ => UserAdministrationService.GeneratePassword()).ToList();

        Assert.All(passwords, p =>
        {
            Assert.Equal(16, p.Length);
            Assert.Contains(p, char.IsAsciiLetterUpper);
            Assert.Contains(p, char.IsAsciiLetterLower);
            Assert.Contains(p, char.IsAsciiDigit);
        });
        Assert.Equal(passwords.Count, passwords.Distinct(StringComparer.Ordinal).Count());
    }

    private async Task<bool> StillValidAsync(System.Security.Claims.ClaimsPrincipal principal)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await RevalidatingIdentityAuthenticationStateProvider.IsStillValidAsync(
            scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(),
            scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value,
            principal);
    }

    private UserAdministrationService AdminService() =>
        Service(FakeCurrentUser.InRole(Roles.Administrador, AdminName, AdminDisplayName));

    private UserAdministrationService Service(ICurrentUser user) => new(
        _app.Services.GetRequiredService<IServiceScopeFactory>(),
        _app.Services.GetRequiredService<IDbContextFactory<GobiernoDigitalDbContext>>(),
        new AccessGuard(user, _app.Services.GetRequiredService<IAuthorizationService>()),
        new FixedTimeProvider(Now));

    private Task<ApplicationUser> CreateUserAsync(string userName, string role, string? displayName = null, bool disabled = false, string? id = null) =>
        TestUsers.CreateAsync(_app.Services, userName, role, displayName, disabled, id);

    private async Task<ApplicationUser> FindAsync(string userName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return Assert.IsType<ApplicationUser>(await users.FindByNameAsync(userName));
    }

    private async Task<bool> CheckPasswordAsync(string userName, string password)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = Assert.IsType<ApplicationUser>(await users.FindByNameAsync(userName));
        return await users.CheckPasswordAsync(user, password);
    }

    private async Task<bool> IsLockedOutAsync(string userName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.IsLockedOutAsync(Assert.IsType<ApplicationUser>(await users.FindByNameAsync(userName)));
    }

    private async Task<string?> SecurityStampAsync(string userId)
    {
        await using var db = _app.Database.CreateDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync(Cancellation);
    }

    private async Task<IList<string>> RolesOfAsync(string userId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(userId))!);
    }

    private async Task<List<AuditEntry>> AuditEntriesAsync()
    {
        await using var db = _app.Database.CreateDbContext();
        return await db.AuditEntries.OrderBy(e => e.Id).ToListAsync(Cancellation);
    }

    /// <summary>The one entry added since there were <paramref name="countBefore"/>.</summary>
    private async Task<AuditEntry> SingleNewEntryAsync(int countBefore)
    {
        var entries = await AuditEntriesAsync();
        Assert.Equal(countBefore + 1, entries.Count);
        return entries[^1];
    }

    private static void AssertEntry(AuditEntry entry, AuditAction action, string userId, params string[] expectedChanges)
    {
        Assert.Equal(
            (FakeCurrentUser.IdOf(AdminName), AdminDisplayName, action, "Usuario", userId, (int?)null, Now.UtcDateTime),
            (entry.UserId, entry.UserName, entry.Action, entry.EntityType, entry.EntityKey, entry.CategoryId, entry.OccurredAtUtc));
        // The account by its names, never by its id; the fields in Spanish.
        Assert.Equal("Juana Pérez (juana)", entry.RecordName);
        Assert.Equal(expectedChanges, AuditJson.Changes(entry.Changes).Select(c => c.ToString()));
    }
}
