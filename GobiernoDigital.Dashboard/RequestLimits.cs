using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;

namespace GobiernoDigital.Dashboard;

/// <summary>
/// Per-client request limits (section <c>Limites</c>): how often one address may open a Blazor circuit, post a sign-in
/// or account form, and download an export. What is not counted (pages, static files, the traffic of an open circuit)
/// is never refused. A refused request gets <c>429</c> with a Spanish text and <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// The client is the connection's remote address. Behind a reverse proxy that is the proxy's address unless
/// <c>Limites:ProxiesConfiables</c> lists it, so that <c>X-Forwarded-For</c> is read (see the README). Each limit is a
/// sliding window of one minute in six segments.
/// </remarks>
public sealed class RequestLimitOptions
{
    public const string Section = "Limites";

    /// <summary><c>Limites:Habilitados</c>: false turns every limit off (the tests and the benchmarks do).</summary>
    public bool Habilitados { get; set; } = true;

    /// <summary>
    /// <c>Limites:CircuitosPorMinuto</c>: circuit connections per address and minute. A page load or a reconnection opens
    /// one; several people behind one office NAT share the figure, hence well above one person's need.
    /// </summary>
    public int CircuitosPorMinuto { get; set; } = 60;

    /// <summary><c>Limites:IngresosPorMinuto</c>: posts of the sign-in, password and first-administrator forms per address and minute.</summary>
    public int IngresosPorMinuto { get; set; } = 10;

    /// <summary><c>Limites:DescargasPorMinuto</c>: downloads (exports, open data) per address and minute; each builds a file.</summary>
    public int DescargasPorMinuto { get; set; } = 30;

    /// <summary>
    /// <c>Limites:ProxiesConfiables</c>: addresses of the reverse proxies whose <c>X-Forwarded-For</c> names the client.
    /// Empty (the default): the header is ignored, so that no client can pick the address it is counted under.
    /// </summary>
    public string[] ProxiesConfiables { get; set; } = [];
}

/// <summary>Registers and applies <see cref="RequestLimitOptions"/>, and the Spanish answers to refused requests.</summary>
public static class RequestLimits
{
    /// <summary>The text of a <c>429</c>.</summary>
    public const string TooManyRequestsText =
        "Demasiadas solicitudes desde su dirección en poco tiempo. Espere un minuto y vuelva a intentarlo.";

    /// <summary>The heading and text of the <c>400</c> page of a form posted without a valid antiforgery token.</summary>
    public const string InvalidFormTitle = "El formulario no es válido";

    public const string InvalidFormText =
        "El formulario venció o no se envió desde esta aplicación, así que no se procesó. Vuelva a abrir la página y envíelo de nuevo.";

    private static readonly TimeSpan WindowLength = TimeSpan.FromMinutes(1);

    /// <summary>What a request counts against; null when no limit applies to it.</summary>
    public enum Kind
    {
        Circuit,
        CircuitWithoutNegotiation,
        SignIn,
        Download,
    }

    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RequestLimitOptions.Section).Get<RequestLimitOptions>() ?? new RequestLimitOptions();
        services.AddSingleton(options);
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.ProxiesConfiables)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                Classify(context.Request) is { } kind
                    ? RateLimitPartition.GetSlidingWindowLimiter($"{kind}:{ClientOf(context)}", _ => Window(PermitsFor(kind, options)))
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                // The sliding window gives no exact time; a whole window is when every permit used now is back.
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var exact) ? exact : WindowLength;
                response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(TooManyRequestsText, cancellationToken);
            };
        });
        return services;
    }

    /// <summary>
    /// Reads <c>X-Forwarded-For</c> from the trusted proxies only, then counts requests; off with <c>Limites:Habilitados = false</c>.
    /// Goes before authentication, so that a refused request costs no cookie decryption nor database work.
    /// </summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<RequestLimitOptions>();
        if (options.ProxiesConfiables.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        if (options.Habilitados)
        {
            app.UseRateLimiter();
        }

        return app;
    }

    /// <summary>
    /// Answers a form posted without a valid antiforgery token with a Spanish <c>400</c> page, before the framework writes
    /// its English one. Goes right after <c>UseAntiforgery</c>, which records the outcome.
    /// </summary>
    public static WebApplication UseSpanishAntiforgeryRefusal(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                await WriteInvalidFormAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>The Spanish <c>400</c> page of a form that failed the antiforgery check.</summary>
    public static async Task WriteInvalidFormAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            $"<title>{InvalidFormTitle} · Gobierno Digital</title><link rel=\"stylesheet\" href=\"/app.css\"></head>" +
            $"<body><main style=\"max-width:40rem;margin:2rem auto;padding:0 1rem\"><h1>{InvalidFormTitle}</h1><p>{InvalidFormText}</p>" +
            "<p><a href=\"/\">Volver al resumen de cumplimiento</a></p></main></body></html>",
            context.RequestAborted);
    }

    /// <summary>
    /// Which limit a request counts against: opening a circuit (<c>/_blazor/negotiate</c>, or the hub's WebSocket or
    /// event stream opened without negotiating, as a script may), a post of an account form, or a download.
    /// </summary>
    public static Kind? Classify(HttpRequest request)
    {
        var path = request.Path;
        if (path.StartsWithSegments("/_blazor/negotiate", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.Circuit;
        }

        if (path.Equals("/_blazor", StringComparison.OrdinalIgnoreCase) && HttpMethods.IsGet(request.Method) &&
            (request.HttpContext.WebSockets.IsWebSocketRequest || request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase)))
        {
            // A negotiated circuit opens it too: it counts in a window of its own, so a normal page load costs one of each.
            return Kind.CircuitWithoutNegotiation;
        }

        if (HttpMethods.IsPost(request.Method) &&
            (path.StartsWithSegments("/cuenta", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/configuracion-inicial", StringComparison.OrdinalIgnoreCase)))
        {
            return Kind.SignIn;
        }

        return HttpMethods.IsGet(request.Method) &&
            (path.StartsWithSegments("/exportar", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/api/datos-abiertos", StringComparison.OrdinalIgnoreCase))
            ? Kind.Download
            : null;
    }

    private static int PermitsFor(Kind kind, RequestLimitOptions options) => kind switch
    {
        Kind.Circuit or Kind.CircuitWithoutNegotiation => options.CircuitosPorMinuto,
        Kind.SignIn => options.IngresosPorMinuto,
        _ => options.DescargasPorMinuto,
    };

    private static SlidingWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = WindowLength,
        SegmentsPerWindow = 6,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "sin-direccion";
}
