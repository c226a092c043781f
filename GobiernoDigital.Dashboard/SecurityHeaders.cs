namespace GobiernoDigital.Dashboard;

/// <summary>Baseline response headers: what the page may load, and that no other site may frame it.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts and connections only from the app itself (the Blazor circuit's WebSocket included); MudBlazor sets
    /// inline <c>style</c> attributes, hence <c>'unsafe-inline'</c> for styles only; no page may frame the app.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            await next(context);
        });

    /// <summary>Redirects to HTTPS only when an HTTPS port or URL is configured, so plain http starts without a warning.</summary>
    public static bool HttpsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["https_port"]) ||
        !string.IsNullOrWhiteSpace(configuration["HTTPS_PORTS"]) ||
        (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? string.Empty).Contains("https://", StringComparison.OrdinalIgnoreCase);
}
