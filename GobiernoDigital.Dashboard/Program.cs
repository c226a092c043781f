using GobiernoDigital.Dashboard;
using GobiernoDigital.Dashboard.Authorization;
using GobiernoDigital.Dashboard.Components;
using GobiernoDigital.Dashboard.Diagnostics;
using GobiernoDigital.Dashboard.Export;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddGobiernoDigitalDashboard(builder.Configuration, builder.Environment);

var app = builder.Build();

await app.InitializeDatabaseAsync();
await app.InitializeAccountsAsync();

// A generic Spanish error page in every environment: users never see a stack trace (details go to the log).
app.UseExceptionHandler("/Error", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseSecurityHeaders();
if (SecurityHeaders.HttpsConfigured(app.Configuration))
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

// Per-client limits on opening circuits, signing in and downloading (section Limites; see the README).
app.UseRequestLimits();
app.UseRequestLocalization(GobiernoDigitalSetup.Culture.Name);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseSpanishAntiforgeryRefusal();
// Off unless Diagnostico:Habilitado = true: the hooks bench/ measures with (see bench/README.md).
app.UseBenchmarkDiagnostics();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapExportEndpoints();
app.MapPlanExport();
app.MapReportExportEndpoints();
app.MapOpenDataEndpoints();
app.MapAuditExportEndpoints();

app.Lifetime.ApplicationStarted.Register(() => GobiernoDigitalSetup.PrintWelcome(app));

await app.RunAsync();

/// <summary>Entry point; public so that integration tests can start the app with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
