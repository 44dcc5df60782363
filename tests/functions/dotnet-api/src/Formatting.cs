using System.Globalization;

namespace DotnetApi;

/// <summary>Culture-aware formatting: the part of the function that needs ICU.</summary>
public static class Formatting
{
    public static string Amount(decimal amount, CultureInfo culture) =>
        amount.ToString("N2", culture);

    public static string Money(decimal amount, CultureInfo culture) =>
        amount.ToString("C", culture);

    public static string LongDate(DateOnly date, CultureInfo culture) =>
        date.ToString("D", culture);

    /// <summary>Resolves a culture name; null when ICU does not know it.</summary>
    public static CultureInfo? Culture(string name)
    {
        try
        {
            // predefinedOnly: an unknown name must not become a made-up culture.
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
