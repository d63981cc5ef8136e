namespace Lbbv.Backend.Emission;

/// <summary>
/// An 8-byte code address in non-executable data memory, reached by <c>jmp qword [rip+disp32]</c>.
/// It first points to <see cref="Stub"/> (which asks the frontend to compile the target), then to
/// the compiled code; writing it is the only link update.
/// </summary>
public readonly record struct IndirectSlot(int Id, nint Address, nint Stub);

/// <summary>An 8-byte counter in data memory that machine code increments (e.g. one per side exit).</summary>
public readonly record struct ExitCounter(nint Address);
