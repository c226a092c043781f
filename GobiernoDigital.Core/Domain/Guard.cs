namespace GobiernoDigital.Core.Domain;

internal static class Guard
{
    public static string Text(string? value, string what, int maxLength = 500)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"{what} es obligatorio.");
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{what} admite como máximo {maxLength} caracteres.");
        }

        return trimmed;
    }

    public static decimal Percentage(decimal value, string what)
    {
        if (value is < 0m or > 100m)
        {
            throw new DomainException($"{what} debe estar entre 0 y 100.");
        }

        return value;
    }
}
