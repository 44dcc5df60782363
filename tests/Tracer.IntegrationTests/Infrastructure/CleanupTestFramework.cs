using System.Reflection;
using Tracer.Docker;
using Tracer.IntegrationTests.Infrastructure;
using Tracer.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Tracer.IntegrationTests.Infrastructure.CleanupTestFramework", "Tracer.IntegrationTests")]

namespace Tracer.IntegrationTests.Infrastructure;

/// <summary>
/// The safety net behind each test's own cleanup: when the assembly's tests are done (passed or
/// not), removes every container still labelled with this process's <see cref="TestRun.Id"/>.
/// </summary>
public sealed class CleanupTestFramework(IMessageSink sink) : XunitTestFramework(sink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName name, ISourceInformationProvider source, IMessageSink sink)
        : XunitTestFrameworkExecutor(name, source, sink)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases,
            IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new Runner(TestAssembly, testCases, DiagnosticMessageSink,
                executionMessageSink, executionOptions);
            await runner.RunAsync().ConfigureAwait(false);
        }
    }

    private sealed class Runner(ITestAssembly assembly, IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnostics, IMessageSink execution, ITestFrameworkExecutionOptions options)
        : XunitTestAssemblyRunner(assembly, testCases, diagnostics, execution, options)
    {
        // Runs before the "assembly finished" message, so the host waits for it.
        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            if (Requirements.Missing(Requirement.Docker) is null)
            {
                using var engine = DockerEngine.Connect();
                var removed = await engine.RemoveLabelledAsync(DockerLabels.TestRun, TestRun.Id)
                    .ConfigureAwait(false);
                if (removed > 0)
                {
                    DiagnosticMessageSink.OnMessage(new DiagnosticMessage(
                        $"removed {removed} container(s) left by test run {TestRun.Id}"));
                }
            }
            await base.BeforeTestAssemblyFinishedAsync().ConfigureAwait(false);
        }
    }
}
