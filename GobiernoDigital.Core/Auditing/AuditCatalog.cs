using System.Collections;
using System.Globalization;
using GobiernoDigital.Core.Domain;
using GobiernoDigital.Core.Planning;

namespace GobiernoDigital.Core.Auditing;

/// <summary>How one property of a record reads in the trail: its Spanish label and how its value is written.</summary>
/// <param name="Label">"Estado", "Fecha final".</param>
/// <param name="Format">Writes a value as the user saw it: a name rather than an id, an enum in words, an es-CO date.</param>
public sealed record AuditField(string Label, Func<object?, AuditNames, string> Format);

/// <summary>A kind of record the trail speaks about: its Spanish name, its fields, the fields it never shows, its name.</summary>
public sealed class AuditRecordType
{
    internal AuditRecordType(string name, IReadOnlyDictionary<string, AuditField> fields, IReadOnlySet<string> hidden, Func<object, AuditNames, string>? describe)
    {
        Name = name;
        Fields = fields;
        Hidden = hidden;
        Describe = describe;
    }

    /// <summary>The kind of record in Spanish: "Acción de mejora".</summary>
    public string Name { get; }

    /// <summary>Property name → label and value format.</summary>
    public IReadOnlyDictionary<string, AuditField> Fields { get; }

    /// <summary>Properties nobody needs to read about (display orders, timestamps already on the entry).</summary>
    public IReadOnlySet<string> Hidden { get; }

    /// <summary>The record's name as users know it: "Transparencia, vigencia 2023"; null for kinds without a CLR type.</summary>
    public Func<object, AuditNames, string>? Describe { get; }

    /// <summary>
    /// The field of <paramref name="property"/>: the catalog's, or a generic Spanish label with a value written by its
    /// type, so a property added to a record later is shown (never a crash) until it gets its own label here.
    /// </summary>
    public AuditField Field(string property) =>
        Fields.TryGetValue(property, out var field) ? field : new AuditField($"Otro dato ({property})", AuditValues.Generic);
}

/// <summary>
/// The catalog of the audit trail: each audited kind of record with its Spanish name, its fields' labels and value
/// formats, the technical fields it hides, and how the record is named.
/// </summary>
/// <remarks>
/// To add a label, add a line to the kind's field list, e.g. <c>["State"] = new("Estado de la medición", AuditValues.Enum&lt;MeasurementState&gt;(…))</c>.
/// Any property missing here still reads as «Otro dato (State): …». Concurrency tokens, shadow properties, keys, and
/// properties named in <see cref="AlwaysHidden"/> are never shown.
/// </remarks>
public static class AuditCatalog
{
    /// <summary>The kind of the one summary entry of a score import.</summary>
    public const string ImportKind = "Importación de puntajes";

    /// <summary>The kind of the one summary entry of a new version of the plan.</summary>
    public const string PlanReIssueKind = "Nueva versión del plan";

    /// <summary>The kind of an account's entries.</summary>
    public const string UserKind = "Usuario";

    /// <summary>Technical properties of any record: revision counters, stamps, hashes.</summary>
    public static IReadOnlySet<string> AlwaysHidden { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Revision", "RowVersion", "ConcurrencyStamp", "SecurityStamp", "PasswordHash", "NormalizedUserName", "NormalizedEmail",
    };

    private static readonly Dictionary<Type, AuditRecordType> ByClrType = new()
    {
        [typeof(PublicEntity)] = Kind<PublicEntity>("Entidad", (e, _) => e.Name, new()
        {
            ["Name"] = new("Nombre", AuditValues.Text),
            ["Nit"] = new("NIT", AuditValues.Text),
        }),
        [typeof(Component)] = Kind<Component>("Componente", (c, _) => c.Name, new()
        {
            ["Name"] = new("Nombre", AuditValues.Text),
            ["DisplayOrder"] = new("Orden", AuditValues.Integer),
        }),
        [typeof(Category)] = Kind<Category>("Categoría", (c, _) => c.Name, new()
        {
            ["Name"] = new("Nombre", AuditValues.Text),
            ["ShortLabel"] = new("Etiqueta corta", AuditValues.Text),
            ["Kind"] = new("Tipo de indicador", AuditValues.Enum<CategoryKind>(k => k == CategoryKind.Resultado ? "Resultado" : "Proceso")),
            ["ComponentId"] = new("Componente", (v, n) => AuditValues.Reference(v, n.Component)),
            ["DisplayOrder"] = new("Orden", AuditValues.Integer),
            ["Weight"] = new("Peso", AuditValues.Decimal),
            ["NameInPlan"] = new("Nombre en el plan", AuditValues.Text),
            ["FirstVigencia"] = new("Aplica desde la vigencia", AuditValues.Integer),
            ["RetiredFromVigencia"] = new("Retirada desde la vigencia", AuditValues.Integer),
        }),
        [typeof(Measurement)] = Kind<Measurement>("Medición", (m, _) => $"Vigencia {m.Vigencia}", new()
        {
            ["Vigencia"] = new("Vigencia", AuditValues.Integer),
            ["Date"] = new("Fecha de la medición", AuditValues.Date),
            ["Source"] = new("Fuente", AuditValues.Enum<MeasurementSource>(s => s.Text())),
            ["State"] = new("Estado de la medición", AuditValues.Enum<MeasurementState>(s => s.Text())),
            ["OfficialIndex"] = new("Índice oficial de Gobierno Digital", AuditValues.Decimal),
        }),
        [typeof(CategoryScore)] = Kind<CategoryScore>("Puntaje", (s, n) => $"{n.Category(s.CategoryId)}, {n.Measurement(s.MeasurementId)}", new()
        {
            ["MeasurementId"] = new("Medición", (v, n) => AuditValues.Reference(v, n.Measurement)),
            ["CategoryId"] = new("Categoría", (v, n) => AuditValues.Reference(v, n.Category)),
            ["Status"] = new("Estado del puntaje", AuditValues.Enum<ScoreStatus>(ScoreStatusLabel)),
            ["Value"] = new("Puntaje", AuditValues.Decimal),
            ["Observation"] = new("Observación", AuditValues.Text),
        }),
        [typeof(Target)] = Kind<Target>("Meta", (t, n) => $"{n.Category(t.CategoryId)}, vigencia {t.Vigencia}", new()
        {
            ["CategoryId"] = new("Categoría", (v, n) => AuditValues.Reference(v, n.Category)),
            ["Vigencia"] = new("Vigencia", AuditValues.Integer),
            ["Value"] = new("Meta", AuditValues.Decimal),
        }),
        [typeof(PeerAverage)] = Kind<PeerAverage>("Promedio del grupo par", (p, n) => $"{n.Category(p.CategoryId)}, vigencia {p.Vigencia}", new()
        {
            ["CategoryId"] = new("Categoría", (v, n) => AuditValues.Reference(v, n.Category)),
            ["Vigencia"] = new("Vigencia", AuditValues.Integer),
            ["Value"] = new("Promedio del grupo par", AuditValues.Decimal),
        }),
        [typeof(ImprovementPlan)] = Kind<ImprovementPlan>("Plan de mejoramiento", (p, _) => AuditNames.PlanName(p.Code, p.Version), new()
        {
            ["Title"] = new("Título", AuditValues.Text),
            ["Code"] = new("Código", AuditValues.Text),
            ["Version"] = new("Versión", AuditValues.Integer),
            ["ApprovedOn"] = new("Aprobado el", AuditValues.Date),
            ["MeasuredVigencia"] = new("Vigencia medida", AuditValues.Integer),
            ["PreparedBy"] = new("Elaborado por", AuditValues.Text),
            ["PreparedByRole"] = new("Cargo de quien lo elaboró", AuditValues.Text),
            ["PreparedOn"] = new("Elaborado el", AuditValues.Date),
            ["ApprovedBy"] = new("Aprobado por", AuditValues.Text),
            ["ApprovalAct"] = new("Acta de aprobación", AuditValues.Text),
        }),
        [typeof(Finding)] = Kind<Finding>("Hallazgo", (f, n) => AuditNames.FindingName(n.Category(f.CategoryId), f.DisplayOrder), new()
        {
            ["PlanId"] = new("Plan", (v, n) => AuditValues.Reference(v, n.Plan)),
            ["CategoryId"] = new("Categoría", (v, n) => AuditValues.Reference(v, n.Category)),
            ["RowScore"] = new("Puntaje de la fila", AuditValues.Decimal),
            ["Alternatives"] = new("Diseño de alternativas de mejora", AuditValues.Generic),
            ["Improvements"] = new("Mejoras para implementar", AuditValues.Generic),
            ["ImprovementsNotApplicable"] = new("Mejoras «No aplica»", AuditValues.YesNo),
            ["DeadlineStart"] = new("Inicio del plazo", AuditValues.Date),
            ["DeadlineEnd"] = new("Fin del plazo", AuditValues.Date),
            ["EffectivenessNote"] = new("Evaluación de la eficacia", AuditValues.Text),
        }, hidden: ["DisplayOrder"]),
        [typeof(ImprovementAction)] = Kind<ImprovementAction>("Acción de mejora", (a, _) => $"«{AuditText.Short(a.Description, AuditText.NameLength)}»", new()
        {
            ["FindingId"] = new("Hallazgo", (v, n) => AuditValues.Reference(v, n.Finding)),
            ["Description"] = new("Descripción", AuditValues.Text),
            ["Responsible"] = new("Responsable", AuditValues.Text),
            ["StartDate"] = new("Fecha de inicio", AuditValues.Date),
            ["EndDate"] = new("Fecha final", AuditValues.Date),
            ["Status"] = new("Estado de la acción", AuditValues.Enum<ActionStatus>(ActionStatusText.Label)),
            ["Progress"] = new("Avance", AuditValues.Percent),
            ["ExpectedPoints"] = new("Puntos esperados", AuditValues.Decimal),
            ["CompletedOn"] = new("Completada el", AuditValues.Date),
        }, hidden: ["DisplayOrder"]),
        [typeof(ActionEvidence)] = Kind<ActionEvidence>("Evidencia", (e, n) => $"{EsCo.Date(e.Date)} de la acción {n.Action(e.ActionId)}", new()
        {
            ["ActionId"] = new("Acción de mejora", (v, n) => AuditValues.Reference(v, n.Action)),
            ["Date"] = new("Fecha", AuditValues.Date),
            ["Url"] = new("Enlace", AuditValues.Text),
            ["Note"] = new("Nota", AuditValues.Text),
            ["RecordedBy"] = new("Registrada por", AuditValues.Text),
        }),
        [typeof(Scenario)] = Kind<Scenario>("Escenario", (s, _) => s.Name, new()
        {
            ["Name"] = new("Nombre", AuditValues.Text),
            ["BaseVigencia"] = new("Vigencia base", AuditValues.Integer),
            ["Values"] = new("Puntajes simulados", ScenarioValues),
            ["CreatedBy"] = new("Guardado por", AuditValues.Text),
        }, hidden: ["CreatedAtUtc"]),
    };

    private static readonly AuditRecordType User = new(
        UserKind,
        new Dictionary<string, AuditField>(StringComparer.Ordinal)
        {
            ["UserName"] = new("Usuario", AuditValues.Text),
            ["DisplayName"] = new("Nombre para mostrar", AuditValues.Text),
            ["Role"] = new("Rol", AuditValues.Text),
            ["IsDisabled"] = new("Estado de la cuenta", (v, _) => AuditValues.AsBool(v) switch
            {
                true => "Deshabilitada",
                false => "Activa",
                null => AuditValues.Generic(v, AuditNames.None),
            }),
            ["Contraseña"] = new("Contraseña", AuditValues.Text),
            ["Origen"] = new("Origen", AuditValues.Text),
        },
        new HashSet<string>(StringComparer.Ordinal),
        describe: null);

    private static readonly Dictionary<string, AuditRecordType> ByName =
        ByClrType.Values.Append(User).ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The audited kind of <paramref name="clrType"/>; null for records that are not audited.</summary>
    public static AuditRecordType? For(Type clrType) => ByClrType.GetValueOrDefault(clrType);

    /// <summary>The kind named <paramref name="name"/> ("Puntaje", "Usuario"…), to read stored entries; null when unknown.</summary>
    public static AuditRecordType? ForName(string name) => ByName.GetValueOrDefault(name);

    /// <summary>A kind the catalog does not know (a kind added later): every field with its generic label.</summary>
    public static AuditRecordType Unknown(string name) =>
        new(name, new Dictionary<string, AuditField>(), new HashSet<string>(StringComparer.Ordinal), describe: null);

    /// <summary>The kind of an account's entries (no CLR type: accounts are audited by the user administration).</summary>
    public static AuditRecordType Users => User;

    /// <summary>"Medido", "Sin medición", "No aplica".</summary>
    public static string ScoreStatusLabel(ScoreStatus status) => status switch
    {
        ScoreStatus.Measured => "Medido",
        ScoreStatus.NotApplicable => "No aplica",
        ScoreStatus.NotMeasured => "Sin medición",
        _ => status.ToString(),
    };

    private static AuditRecordType Kind<T>(string name, Func<T, AuditNames, string> describe, Dictionary<string, AuditField> fields, string[]? hidden = null) =>
        new(name, fields, new HashSet<string>(hidden ?? [], StringComparer.Ordinal), (record, names) => describe((T)record, names));

    private static string ScenarioValues(object? value, AuditNames names) => value switch
    {
        IEnumerable<ScenarioValue> values => AuditValues.Join(values.Select(v => $"{names.Category(v.CategoryId)}: {AuditValues.Decimal(v.Score, names)}")),
        _ => AuditValues.Generic(value, names),
    };
}

/// <summary>Value formats of the catalog. Each accepts the CLR value (when recording) or the value read back from an older entry's JSON.</summary>
public static class AuditValues
{
    /// <summary>What an empty value reads as.</summary>
    public const string Empty = "—";

    /// <summary>Text, cut at <see cref="AuditText.ValueLength"/> characters.</summary>
    public static string Text(object? value, AuditNames names) => value switch
    {
        null => Empty,
        string s => AuditText.Short(s, AuditText.ValueLength),
        _ => Generic(value, names),
    };

    /// <summary>"2024", never "2.024".</summary>
    public static string Integer(object? value, AuditNames names) => value switch
    {
        int or long or short => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        decimal d when decimal.Truncate(d) == d => decimal.ToInt64(d).ToString(CultureInfo.InvariantCulture),
        _ => Generic(value, names),
    };

    /// <summary>es-CO with at least one decimal: "55,5", "80,0", "1,25".</summary>
    public static string Decimal(object? value, AuditNames names) => ToDecimal(value) is { } d ? d.ToString("0.0##", EsCo.Culture) : Generic(value, names);

    /// <summary>"40 %".</summary>
    public static string Percent(object? value, AuditNames names) =>
        ToDecimal(value) is { } d ? d.ToString("0.#", EsCo.Culture) + " %" : Generic(value, names);

    /// <summary>dd/MM/yyyy.</summary>
    public static string Date(object? value, AuditNames names) => value switch
    {
        DateOnly date => EsCo.Date(date),
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) => EsCo.Date(parsed),
        _ => Generic(value, names),
    };

    /// <summary>Sí / No.</summary>
    public static string YesNo(object? value, AuditNames names) => AsBool(value) switch
    {
        true => "Sí",
        false => "No",
        null => Generic(value, names),
    };

    /// <summary>The words of an enum value; stored numbers (older entries) and names are read back to the same words.</summary>
    public static Func<object?, AuditNames, string> Enum<T>(Func<T, string> label)
        where T : struct, System.Enum =>
        (value, names) => value switch
        {
            T typed => label(typed),
            string s when System.Enum.TryParse<T>(s, out var parsed) && System.Enum.IsDefined(parsed) => label(parsed),
            _ when ToDecimal(value) is { } d && decimal.Truncate(d) == d && System.Enum.IsDefined(typeof(T), decimal.ToInt32(d)) =>
                label((T)System.Enum.ToObject(typeof(T), decimal.ToInt32(d))),
            _ => Generic(value, names),
        };

    /// <summary>The name of the record an id points to.</summary>
    public static string Reference(object? value, Func<int, string> name) =>
        ToDecimal(value) is { } d && decimal.Truncate(d) == d ? name(decimal.ToInt32(d)) : Generic(value, AuditNames.None);

    /// <summary>Any value by its type: texts, numbers (es-CO), dates, Sí/No, enums by name, lists joined with «; ».</summary>
    public static string Generic(object? value, AuditNames names) => value switch
    {
        null => Empty,
        string s when s.Length == 0 => Empty,
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => EsCo.Date(date),
        string s => AuditText.Short(s, AuditText.ValueLength),
        bool b => b ? "Sí" : "No",
        DateOnly d => EsCo.Date(d),
        DateTime t => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), EsCo.TimeZone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        System.Enum e => e.ToString(),
        int or long or short => Integer(value, names),
        decimal or double or float => Decimal(value, names),
        IEnumerable items => Join(items.Cast<object?>().Select(i => Generic(i, names))),
        _ => AuditText.Short(value.ToString(), AuditText.ValueLength),
    };

    /// <summary>Items joined with «; », cut at <see cref="AuditText.ValueLength"/>; «—» when there are none.</summary>
    public static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? Empty : AuditText.Short(string.Join("; ", list), AuditText.ValueLength);
    }

    internal static bool? AsBool(object? value) => value as bool?;

    private static decimal? ToDecimal(object? value) => value switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        short s => s,
        double d when double.IsFinite(d) && Math.Abs(d) < 1e15 => (decimal)d,
        _ => null,
    };
}
