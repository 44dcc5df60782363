using System.Diagnostics;
using System.Text;

namespace Tracer.Tracing.Ebpf;

/// <summary>Drains a helper process's stderr (so it never blocks on a full pipe) and keeps
/// its text for error messages.</summary>
internal sealed class StderrTail
{
    private readonly StringBuilder _text = new();

    public StderrTail(Process process)
    {
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                lock (_text)
                {
                    _text.Append(_text.Length > 0 ? " " : "").Append(line.Trim());
                }
            }
        };
        process.BeginErrorReadLine();
    }

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.Length > 0 ? _text.ToString() : "no message";
            }
        }
    }
}
