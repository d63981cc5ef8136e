namespace Lbbv.Fuzz.Running;

/// <summary>A python3 process that runs program after program (cpython_server.py): each in a fresh
/// `__main__` namespace with its output captured, the recursion limit raised by the frames the
/// server adds, and modules the program imported forgotten afterwards, so it prints what a
/// separate `python3 FILE` would (the fuzzer's tests check this against separate processes). A
/// program that does not finish in time is reported as a hang and the server restarted.</summary>
public sealed class CPythonServer : IDisposable
{
    static readonly string Script = LoadScript();
    LineProcess? python;

    public Outcome Run(string file, TimeSpan timeout)
    {
        python ??= new LineProcess("python3", ["-c", Script], CPython.SetEnvironment);
        python.Send(Path.GetFullPath(file));
        string? reply = python.Receive(timeout, out bool timedOut);
        if (reply != null) return WorkerProtocol.Decode<Outcome>(reply);
        Dispose();
        return timedOut
            ? Outcome.Stopped(Ending.Hang, $"python3 did not finish in {timeout.TotalSeconds:F0} s")
            : Outcome.Stopped(Ending.Crash, "python3 exited");
    }

    static string LoadScript()
    {
        using var stream = typeof(CPythonServer).Assembly.GetManifestResourceStream("cpython_server.py")
            ?? throw new InvalidOperationException("cpython_server.py is not embedded");
        return new StreamReader(stream).ReadToEnd();
    }

    public void Dispose()
    {
        python?.Dispose();
        python = null;
    }
}
