using System.Diagnostics;
using Tracer.Reporting;

namespace Tracer.Harness;

/// <summary>Times the pipeline's stages and announces each on the progress sink.</summary>
internal sealed class StageClock(ISlimProgress progress)
{
    private readonly List<StageTime> _stages = [];

    public IReadOnlyList<StageTime> Stages => _stages;

    public async Task<T> TimeAsync<T>(string stage, string detail, Func<Task<T>> body)
    {
        progress.Stage(stage, detail);
        var clock = Stopwatch.StartNew();
        try
        {
            return await body().ConfigureAwait(false);
        }
        finally
        {
            _stages.Add(new StageTime(stage, Math.Round(clock.Elapsed.TotalSeconds, 2)));
        }
    }
}
