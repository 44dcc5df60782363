namespace Tracer.Tracing.Strace;

/// <summary>Walks the top-level arguments of one syscall line, aware of quotes and brackets.</summary>
internal ref struct StraceArgs
{
    private readonly ReadOnlySpan<byte> _text;
    private int _pos;

    public StraceArgs(ReadOnlySpan<byte> text)
    {
        _text = text;
        _pos = 0;
    }

    /// <summary>The raw text of the next argument (string quotes and -y annotations included).</summary>
    public ReadOnlySpan<byte> Next()
    {
        while (_pos < _text.Length && _text[_pos] == ' ')
        {
            _pos++;
        }
        var start = _pos;
        var depth = 0;
        while (_pos < _text.Length)
        {
            var b = _text[_pos];
            if (b == '"' || (b == '<' && depth >= 0 && IsAnnotationStart()))
            {
                SkipQuoted(b == '"' ? (byte)'"' : (byte)'>');
                continue;
            }
            if (b is (byte)'(' or (byte)'[' or (byte)'{')
            {
                depth++;
            }
            else if (b is (byte)')' or (byte)']' or (byte)'}')
            {
                if (depth == 0)
                {
                    break;
                }
                depth--;
            }
            else if (b == ',' && depth == 0)
            {
                break;
            }
            _pos++;
        }
        var arg = _text[start.._pos];
        if (_pos < _text.Length && _text[_pos] == ',')
        {
            _pos++;
        }
        return arg;
    }

    /// <summary>Skips <paramref name="count"/> arguments.</summary>
    public void Skip(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Next();
        }
    }

    // A '<' right after a digit or AT_FDCWD opens a -y annotation ("3</etc/passwd>").
    private readonly bool IsAnnotationStart() =>
        _pos > 0 && (char.IsAsciiDigit((char)_text[_pos - 1]) || _text[_pos - 1] == 'D');

    private void SkipQuoted(byte close)
    {
        _pos++;
        while (_pos < _text.Length)
        {
            var b = _text[_pos++];
            if (b == '\\')
            {
                _pos++;
            }
            else if (b == close)
            {
                break;
            }
        }
    }
}
