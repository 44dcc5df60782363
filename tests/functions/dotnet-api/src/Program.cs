using System.Globalization;
using DotnetApi;

// dotnet-api: GET /format?culture=fr-FR&amount=1234.5&date=2024-03-30 answers with the amount,
// the money form and the long date in that culture; GET /healthz. `--self-test` runs the
// function's own checks instead of serving.
if (args.Contains("--self-test"))
{
    return SelfTest.Run(Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

app.MapGet("/healthz", () => Results.Json(new
{
    status = "ok",
    runtime = Environment.Version.ToString(),
    icu = CultureInfo.GetCultureInfo("fr-FR").NumberFormat.NumberGroupSeparator != ",",
}));

app.MapGet("/format", (string? culture, decimal? amount, DateOnly? date) =>
{
    var info = Formatting.Culture(culture ?? "fr-FR");
    if (info is null)
    {
        return Results.Problem($"unknown culture '{culture}'", statusCode: 400);
    }
    var value = amount ?? 1234.5m;
    var day = date ?? new DateOnly(2024, 3, 30);
    return Results.Text(
        $"{info.Name}\t{Formatting.Amount(value, info)}\t{Formatting.Money(value, info)}\t"
        + $"{Formatting.LongDate(day, info)}\n", "text/plain; charset=utf-8");
});

app.Run();
return 0;
