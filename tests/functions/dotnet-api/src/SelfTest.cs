using System.Globalization;

namespace DotnetApi;

/// <summary>The function's own checks, run in the image with <c>DotnetApi --self-test</c>.</summary>
public static class SelfTest
{
    private const char NarrowNbsp = '\u202F';

    public static int Run(TextWriter output)
    {
        var checks = new (string Name, Func<string> Actual, string Expected)[]
        {
            ("fr-FR amount", () => Formatting.Amount(1234567.891m, Get("fr-FR")),
                $"1{NarrowNbsp}234{NarrowNbsp}567,89"),
            ("de-DE amount", () => Formatting.Amount(1234567.891m, Get("de-DE")), "1.234.567,89"),
            // .NET maps ICU's currency pattern onto its own "n $" form, with a plain space.
            ("de-DE money", () => Formatting.Money(9.5m, Get("de-DE")), "9,50 €"),
            ("fr-FR long date", () => Formatting.LongDate(new DateOnly(2024, 3, 30), Get("fr-FR")),
                "samedi 30 mars 2024"),
            ("de-DE long date", () => Formatting.LongDate(new DateOnly(2024, 3, 30), Get("de-DE")),
                "Samstag, 30. März 2024"),
            ("de-DE sorts ä with a", () => string.Join(",", Sorted(["Zebra", "Äpfel", "Birne"], "de-DE")),
                "Äpfel,Birne,Zebra"),
            ("unknown culture rejected", () => (Formatting.Culture("xx-NOPE") is null).ToString(), "True"),
        };
        var failed = 0;
        foreach (var (name, actual, expected) in checks)
        {
            string got;
            try
            {
                got = actual();
            }
            catch (Exception e)
            {
                got = $"{e.GetType().Name}: {e.Message}";
            }
            var ok = got == expected;
            failed += ok ? 0 : 1;
            output.WriteLine(ok ? $"ok - {name}" : $"not ok - {name}: got '{got}', want '{expected}'");
        }
        output.WriteLine($"self-test: {checks.Length - failed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    private static CultureInfo Get(string name) =>
        Formatting.Culture(name) ?? throw new CultureNotFoundException(name);

    private static string[] Sorted(string[] words, string culture)
    {
        var copy = words.ToArray();
        Array.Sort(copy, StringComparer.Create(Get(culture), ignoreCase: false));
        return copy;
    }
}
