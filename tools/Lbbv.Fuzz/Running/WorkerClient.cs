namespace Lbbv.Fuzz.Running;

/// <summary>The coordinator's side of one worker process: sends a request, waits for its outcomes,
/// and is the watchdog: when a configuration runs longer than the time limit, the worker is
/// killed, that configuration's outcome is a hang, and a fresh worker starts on the next request.
/// A worker that dies (a crash in machine code) gives a crash outcome with the end of its stderr.
/// The outcomes returned are those of the configurations that ran; after a hang or a crash, the
/// ones not started are missing.</summary>
public sealed class WorkerClient : IDisposable
{
    LineProcess? worker;
    int nextId;

    public int Restarts { get; private set; }

    public IReadOnlyDictionary<string, Outcome> Evaluate(string file, IReadOnlyList<string> configs, TimeSpan timeout)
    {
        worker ??= new LineProcess(DotnetHost(), [typeof(WorkerClient).Assembly.Location, "worker"],
            info => info.Environment.Remove("LBBV_DEBUG"));
        int id = ++nextId;
        var request = new EvaluateRequest(id, Path.GetFullPath(file), [.. configs], timeout.TotalSeconds);
        worker.Send(WorkerProtocol.Encode(request));
        var outcomes = new Dictionary<string, Outcome>();
        string? running = null;
        while (true)
        {
            string? line = worker.Receive(timeout, out bool timedOut);
            if (line == null)
            {
                string detail = timedOut
                    ? $"no result after {timeout.TotalSeconds:F0} s"
                    : "worker died: " + worker.StderrTail();
                Stop();
                if (running != null) outcomes[running] = Outcome.Stopped(timedOut ? Ending.Hang : Ending.Crash, detail);
                return outcomes;
            }
            var message = WorkerProtocol.Decode<WorkerMessage>(line);
            if (message.Id != id) continue;
            if (message.Done) return outcomes;
            if (message.Started != null) running = message.Started;
            if (message is { Config: { } config, Outcome: { } outcome })
            {
                outcomes[config] = outcome;
                running = null;
            }
        }
    }

    /// <summary>The `dotnet` that runs this process (DOTNET_HOST_PATH under `dotnet test` and `dotnet
    /// run`), else the one on PATH.</summary>
    static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (host != null && File.Exists(host)) return host;
        string? self = Environment.ProcessPath;
        if (self != null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return "dotnet";
    }

    void Stop()
    {
        worker?.Dispose();
        worker = null;
        Restarts++;
    }

    public void Dispose()
    {
        worker?.Close();
        worker?.Dispose();
        worker = null;
    }
}
