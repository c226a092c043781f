namespace GobiernoDigital.Core.Export;

/// <summary>Where a field of the open dataset lives.</summary>
public enum OpenDataLevel
{
    /// <summary>One per category and vigencia: a row of the CSV, an item of <c>vigencias[].categorias</c> in the JSON.</summary>
    Category,

    /// <summary>One per vigencia: repeated on each of its CSV rows, a property of <c>vigencias[]</c> in the JSON.</summary>
    Vigencia,

    /// <summary>About the whole dataset: the JSON's top level only.</summary>
    Dataset,
}

/// <summary>A field of the open dataset as the data dictionary describes it (Spanish, for the public).</summary>
public sealed record OpenDataField(string Name, OpenDataLevel Level, string Type, string Description, string Example);

/// <summary>
/// The names of the open dataset's fields (snake_case ASCII, the same in the CSV header and the JSON) and their
/// dictionary. The CSV, the JSON and the <c>/datos-abiertos</c> page all read them from here.
/// </summary>
public static class OpenDataFields
{
    public const string Vigencia = "vigencia";
    public const string Component = "componente";
    public const string Category = "categoria";
    public const string Weight = "peso";
    public const string Score = "puntaje";
    public const string Status = "estado";
    public const string Target = "meta";
    public const string Gap = "brecha";
    public const string PeerAverage = "promedio_grupo_par";
    public const string Percentage = "porcentaje_cumplimiento";
    public const string MeasuredCategories = "categorias_medidas";
    public const string TotalCategories = "categorias_total";
    public const string WeightedSum = "suma_peso_por_puntaje";
    public const string WeightSum = "suma_pesos";
    public const string Source = "fuente_medicion";
    public const string MeasurementState = "estado_medicion";
    public const string Date = "fecha_medicion";
    public const string OfficialIndex = "indice_oficial";
    public const string Categories = "categorias";

    public const string Title = "titulo";
    public const string Entity = "entidad";
    public const string Origin = "fuente";
    public const string Licence = "licencia";
    public const string Generated = "generado";
    public const string Dictionary = "diccionario";
    public const string Vigencias = "vigencias";

    /// <summary>The values of <see cref="Status"/>.</summary>
    public const string Measured = "medido";
    public const string NotApplicable = "no_aplica";
    public const string NotMeasured = "sin_medicion";

    /// <summary>The values of <see cref="MeasurementState"/>.</summary>
    public const string Provisional = "provisional";
    public const string Final = "definitiva";

    /// <summary>The values of <see cref="Source"/>.</summary>
    public const string SelfAssessment = "autodiagnostico";
    public const string OfficialResult = "resultado_oficial_furag";

    private const string Number = "número (punto decimal)";
    private const string NumberOrEmpty = "número (punto decimal) o vacío";

    /// <summary>Every field, in the order of the CSV columns, then the JSON's dataset metadata.</summary>
    public static IReadOnlyList<OpenDataField> All { get; } =
    [
        new(Vigencia, OpenDataLevel.Category, "entero", "Año medido por FURAG (la entidad lo reporta al año siguiente).", "2023"),
        new(Component, OpenDataLevel.Category, "texto", "Componente de la Política de Gobierno Digital al que pertenece la categoría.", "TIC para Gobierno Abierto"),
        new(Category, OpenDataLevel.Category, "texto", "Categoría medida (subíndice o indicador de FURAG).", "Transparencia"),
        new(Weight, OpenDataLevel.Category, Number, "Peso de la categoría en el porcentaje de cumplimiento (1 si la entidad no fijó otro).", "1"),
        new(Score, OpenDataLevel.Category, NumberOrEmpty, "Puntaje de 0 a 100, con un decimal como máximo. Vacío (null en JSON) cuando el estado no es «medido».", "40"),
        new(Status, OpenDataLevel.Category, "texto", $"«{Measured}», «{NotApplicable}» o «{NotMeasured}». No aplica y sin medición no son un cero: no cuentan en el porcentaje.", Measured),
        new(Target, OpenDataLevel.Category, Number, "Meta de la categoría para la vigencia, de 0 a 100 (100 si la entidad no fijó otra).", "100"),
        new(Gap, OpenDataLevel.Category, NumberOrEmpty, "Brecha: meta − puntaje, nunca menor que 0. Vacía si la categoría no tiene puntaje medido.", "60"),
        new(PeerAverage, OpenDataLevel.Category, NumberOrEmpty, "Promedio del grupo par que publica FURAG, tal como lo registró la entidad. Vacío si no se registró.", "55.3"),
        new(Percentage, OpenDataLevel.Vigencia, NumberOrEmpty, $"Porcentaje de Cumplimiento de Gobierno Digital de la vigencia: {WeightedSum} ÷ {WeightSum}, redondeado a dos decimales. Indicador propio de la entidad, no el índice oficial. Vacío si ninguna categoría tiene puntaje.", "40"),
        new(MeasuredCategories, OpenDataLevel.Vigencia, "entero", "Categorías con puntaje medido en la vigencia.", "16"),
        new(TotalCategories, OpenDataLevel.Vigencia, "entero", "Categorías que aplican a la vigencia (medidas, no aplica y sin medición).", "17"),
        new(WeightedSum, OpenDataLevel.Vigencia, Number, "Σ peso·puntaje de las categorías medidas: el numerador del porcentaje.", "640"),
        new(WeightSum, OpenDataLevel.Vigencia, Number, "Σ peso de las categorías medidas: el denominador del porcentaje.", "16"),
        new(Source, OpenDataLevel.Vigencia, "texto", $"Origen de los puntajes: «{OfficialResult}» (resultado publicado por Función Pública) o «{SelfAssessment}».", OfficialResult),
        new(MeasurementState, OpenDataLevel.Vigencia, "texto", $"Estado de la medición: «{Final}» (resultado final de la vigencia) o «{Provisional}» (parcial o sin confirmar: puede cambiar).", Final),
        new(Date, OpenDataLevel.Vigencia, "fecha ISO 8601 (AAAA-MM-DD) o vacío", "Fecha del resultado, cuando se conoce.", "2024-08-30"),
        new(OfficialIndex, OpenDataLevel.Vigencia, NumberOrEmpty, "Índice de Gobierno Digital oficial de FURAG (calculado por Función Pública con su propio modelo), cuando se registró.", "71.2"),
        new(Title, OpenDataLevel.Dataset, "texto", "Nombre del conjunto de datos.", "Puntajes de la Política de Gobierno Digital (FURAG)"),
        new(Entity, OpenDataLevel.Dataset, "objeto {nombre, nit} o null", "Entidad a la que pertenecen los datos.", "{\"nombre\": \"Concejo Municipal de Cartago\", \"nit\": \"900.215.967-5\"}"),
        new(Origin, OpenDataLevel.Dataset, "texto", "De dónde vienen los datos y quién calcula cada cifra.", "Resultados FURAG (Función Pública) registrados por la entidad…"),
        new(Licence, OpenDataLevel.Dataset, "objeto {nombre, url}", "Licencia de uso de los datos.", "{\"nombre\": \"CC BY 4.0\", \"url\": \"https://creativecommons.org/licenses/by/4.0/deed.es\"}"),
        new(Generated, OpenDataLevel.Dataset, "fecha y hora ISO 8601 en UTC", "Momento en que se generó el archivo.", "2026-03-10T15:30:00Z"),
        new(Dictionary, OpenDataLevel.Dataset, "texto (URL)", "Dirección de este diccionario de datos.", "https://…/datos-abiertos"),
        new(Vigencias, OpenDataLevel.Dataset, "lista", $"Una entrada por vigencia medida, la más antigua primero, con sus campos y la lista «{Categories}».", "[{\"vigencia\": 2023, …}]"),
    ];

    /// <summary>The CSV header: the category and vigencia fields, in order.</summary>
    public static IReadOnlyList<string> CsvHeader { get; } = All.Where(f => f.Level != OpenDataLevel.Dataset).Select(f => f.Name).ToList();
}
