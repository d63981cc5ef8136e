using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace Lbbv.Fuzz.Running;

/// <summary>A child process spoken to in lines: requests on its stdin, replies read from its stdout
/// into a queue, so that waiting for a reply can time out. Stopping it kills it with its children
/// (a worker's python3).</summary>
public sealed class LineProcess : IDisposable
{
    readonly Process process;
    readonly Channel<string> replies = Channel.CreateUnbounded<string>();
    readonly StringBuilder stderrTail = new();

    public LineProcess(string fileName, IEnumerable<string> arguments, Action<ProcessStartInfo>? configure = null)
    {
        var info = Redirected(fileName, arguments);
        configure?.Invoke(info);
        process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + fileName);
        process.StandardInput.AutoFlush = true;
        var output = process.StandardOutput;
        _ = Task.Run(async () =>
        {
            while (await output.ReadLineAsync() is { } line) await replies.Writer.WriteAsync(line);
            replies.Writer.TryComplete();
        });
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data == null) return;
            lock (stderrTail)
            {
                stderrTail.Append(e.Data).Append('\n');
                if (stderrTail.Length > 4000) stderrTail.Remove(0, stderrTail.Length - 4000);
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>A start with stdin, stdout and stderr redirected, output read as UTF-8.</summary>
    public static ProcessStartInfo Redirected(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        return info;
    }

    public void Send(string line) => process.StandardInput.WriteLine(line);

    /// <summary>The next line; null when none came in time (<paramref name="timedOut"/>) or the
    /// process ended.</summary>
    public string? Receive(TimeSpan timeout, out bool timedOut)
    {
        timedOut = false;
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return replies.Reader.ReadAsync(cancel.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            return null;
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>The end of what the process wrote to stderr (after it exited, all of it).</summary>
    public string StderrTail()
    {
        process.WaitForExit(2000);
        lock (stderrTail) return stderrTail.ToString().Trim();
    }

    /// <summary>Closes its stdin (a well-behaved process then exits) and waits a little.</summary>
    public void Close()
    {
        try
        {
            process.StandardInput.Close();
            process.WaitForExit(5000);
        }
        catch (IOException) { }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException) { }
        process.Dispose();
    }
}
