using GobiernoDigital.Tests.TestDoubles;
using Microsoft.Playwright;

namespace GobiernoDigital.Tests.EndToEnd;

/// <summary>
/// One signed-in browser session per role, made once per test class (<c>IClassFixture</c>) and handed out as
/// Playwright storage state (the sign-in cookie), so that a test with many pages signs in once, not once per page.
/// </summary>
public sealed class SignedInSessions : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<string, string> _states = [];

    /// <summary>
    /// The storage state of a user with <paramref name="role"/> (created on first use as <c>sesion.{role}</c>) signed in
    /// on <paramref name="app"/>; pass it to <see cref="DashboardPage.CreateAsync"/>.
    /// </summary>
    public async Task<string> StorageStateAsync(IBrowser browser, KestrelDashboardApp app, string role)
    {
        await _lock.WaitAsync();
        try
        {
            if (_states.TryGetValue(role, out var state))
            {
                return state;
            }

            var userName = $"sesion.{role.ToLowerInvariant()}";
            await TestUsers.CreateAsync(app.Services, userName, role, $"Sesión {role}");
            await using var dashboard = await DashboardPage.CreateAsync(browser, app);
            await dashboard.Page.GotoAsync(app.At("/cuenta/ingresar").ToString());
            await dashboard.SignInOnTheOpenPageAsync(userName, app.RootUri);
            state = await dashboard.Page.Context.StorageStateAsync();
            _states[role] = state;
            return state;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
