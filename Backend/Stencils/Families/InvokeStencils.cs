using Iced.Intel;
using Lbbv.Backend.Layout;
using static Iced.Intel.AssemblerRegisters;

namespace Lbbv.Backend.Stencils.Families;

/// <summary>
/// Machine code calling machine code: push a native frame for a known Python function, copy the
/// arguments, call the callee's entry through an indirect slot, pop the frame and take the
/// returned Value — no .NET on the way. Used in this order:
/// <c>PushFrame, Argument*, ClearLocal*, Call, Returned</c>; between them rax holds the new frame.
/// A callee that leaves any other way (a side exit, an exception) returns its exit record to
/// <c>Returned</c>, which branches to a slow path that calls <c>FinishCall</c> (UnrotateRecord first).
/// </summary>
/// <remarks>
/// r13 is the VM state (current frame, frame stack top and limit, call depth, the return value
/// cell). The caller's Sp and Ip are written before the call so the collector and tracebacks see
/// the caller stopped at its call.
/// </remarks>
public sealed class InvokeStencils : StencilFamily
{
    internal InvokeStencils(RuntimeLayout l, StencilSource source) : base(l, source)
    {
        int header = l.FrameHeaderSize;
        PushFrame = BuildPushFrame("Invoke.PushFrame", b =>
        {
            int function = b.ValueSlot("function");
            return a => a.mov(rdx, __qword_ptr[r12 + function + l.ValuePayload]);
        });
        PushFrameOf = BuildPushFrame("Invoke.PushFrameOf", b =>
        {
            ulong function = b.Int64("function");
            return a => a.mov(rdx, function);
        });
        Argument = Build("Invoke.Argument", StencilKind.Invoke, b =>
        {
            int src = b.ValueSlot("src"), dst = b.ValueSlot("dst");
            // Two qwords: the caller often wrote the argument just before (store forwarding).
            CopyValue(b, __[r12 + src], __[rax + dst + header]);
        });
        // An int or float argument: its tag is known, so only the payload is read.
        ArgumentTyped = Build("Invoke.ArgumentTyped", StencilKind.Invoke, b =>
        {
            int src = b.ValueSlot("src");
            int tag = b.Int32("tag");
            int dst = b.ValueSlot("dst");
            b.Asm.mov(r10, __qword_ptr[r12 + src + l.ValuePayload]);
            b.Asm.mov(__qword_ptr[rax + dst + header + l.ValuePayload], r10);
            b.Asm.mov(__qword_ptr[rax + dst + header + l.ValueTag], tag);
        });
        ArgumentConstant = Build("Invoke.ArgumentConstant", StencilKind.Invoke, b =>
        {
            ulong payload = b.Int64("payload");
            int tag = b.Int32("tag");
            int dst = b.ValueSlot("dst");
            // r10, not rax: rax holds the new frame.
            b.Asm.mov(r10, payload);
            b.Asm.mov(__qword_ptr[rax + dst + header + l.ValuePayload], r10);
            b.Asm.mov(__qword_ptr[rax + dst + header + l.ValueTag], tag);
        });
        CodeOfFunction = Build("Invoke.CodeOfFunction", StencilKind.Guard, b =>
        {
            int slot = b.ValueSlot("slot");
            int codeId = b.Int32("codeId");
            ulong fail = b.CodeTarget("fail");
            b.Asm.mov(rdx, __qword_ptr[r12 + slot + l.ValuePayload]);
            b.Asm.cmp(__dword_ptr[rdx + l.FunctionCodeId], codeId);
            b.Asm.jne(fail);
        });
        LoadClosure = Build("Invoke.LoadClosure", StencilKind.Invoke, b =>
        {
            int function = b.ValueSlot("function");
            b.Asm.mov(rdx, __qword_ptr[r12 + function + l.ValuePayload]);
            b.Asm.mov(rdx, __qword_ptr[rdx + l.FunctionClosure]);
        });
        LoadClosureOf = Build("Invoke.LoadClosureOf", StencilKind.Invoke, b => b.Asm.mov(rdx, b.Int64("closure")));
        ClosureCell = Build("Invoke.ClosureCell", StencilKind.Invoke, b =>
        {
            int cell = b.ValueSlot("cell");
            int dst = b.ValueSlot("dst");
            CopyValue16(b, __[rdx + cell + l.TupleItems], __[rax + dst + header]);
        });
        ClearLocal = Build("Invoke.ClearLocal", StencilKind.Invoke, b =>
        {
            int dst = b.ValueSlot("dst");
            b.Asm.mov(__qword_ptr[rax + dst + header + l.ValueTag], 0);
        });
        Call = Build("Invoke.Call", StencilKind.Invoke, b =>
        {
            var entry = b.DataCell("entry");
            // One push keeps the callee at rsp ≡ 0 (mod 16) after the call's return address.
            b.Asm.push(r12);
            b.Asm.lea(r12, __qword_ptr[rax + header]);
            b.Asm.AddInstruction(Instruction.Create(Code.Call_rm64, entry));
            b.Asm.pop(r12);
        });
        // The VM's count of calls, kept only when statistics are (a push costs one instruction less).
        CountCall = Build("Invoke.CountCall", StencilKind.Invoke, b => b.Asm.inc(__qword_ptr[r13 + l.VmCalls]));
        EnterInlined = Build("Invoke.EnterInlined", StencilKind.Invoke, b => b.Asm.lea(r12, __qword_ptr[rax + header]));
        EnterVirtual = Build("Invoke.EnterVirtual", StencilKind.Invoke, b =>
        {
            int frameSize = b.Int32("frameSize");
            ulong fail = b.CodeTarget("fail");
            CheckFrameRoom(b.Asm, frameSize, fail);
        });
        // Room for the frame is the frame stack's reserve above the running frame: only the depth.
        EnterVirtualInReserve = Build("Invoke.EnterVirtualInReserve", StencilKind.Invoke, b =>
        {
            var l = Layout;
            ulong fail = b.CodeTarget("fail");
            b.Asm.mov(rax, __qword_ptr[r13 + l.VmFrameTop]);
            b.Asm.mov(edx, __dword_ptr[r13 + l.VmDepth]);
            b.Asm.cmp(edx, __dword_ptr[r13 + l.VmRecursionLimit]);
            b.Asm.jge(fail);
        });
        // Room in the reserve, and the depth already checked in this frame: only where the frame goes.
        EnterVirtualChecked = Build("Invoke.EnterVirtualChecked", StencilKind.Invoke,
            b => b.Asm.mov(rax, __qword_ptr[r13 + Layout.VmFrameTop]));
        MaterializeFrame = BuildMaterializeFrame("Invoke.MaterializeFrame", b =>
        {
            int function = b.ValueSlot("function");
            return a => a.mov(rdx, __qword_ptr[rdx + header + function + l.ValuePayload]);
        });
        MaterializeFrameOf = BuildMaterializeFrame("Invoke.MaterializeFrameOf", b =>
        {
            ulong function = b.Int64("function");
            return a => a.mov(rdx, function);
        });
        RecordToR8 = Build("Invoke.RecordToR8", StencilKind.Invoke, b => b.Asm.mov(r8, b.Int64("record")));
        StatusToR8 = Build("Invoke.StatusToR8", StencilKind.Invoke, b => b.Asm.mov(r8, rax));
        ToCallerSlots = Build("Invoke.ToCallerSlots", StencilKind.Invoke, b =>
        {
            b.Asm.mov(r12, __qword_ptr[r13 + l.VmCurrentFrame]);
            b.Asm.add(r12, header);
        });
        ToCallerOfFrame = Build("Invoke.ToCallerOfFrame", StencilKind.Invoke, b =>
        {
            b.Asm.mov(r12, __qword_ptr[r12 - header + l.FrameBack]);
            b.Asm.add(r12, header);
        });
        ToVirtualSlots = Build("Invoke.ToVirtualSlots", StencilKind.Invoke, b =>
        {
            b.Asm.mov(r12, __qword_ptr[r13 + l.VmFrameTop]);
            b.Asm.add(r12, header);
        });
        // The value of a frameless inlined call in a cache register: r12 back on the current frame's slots.
        Action<StencilBuilder> toCurrentFrame = b =>
        {
            b.Asm.mov(r12, __qword_ptr[r13 + Layout.VmCurrentFrame]);
            b.Asm.add(r12, Layout.FrameHeaderSize);
        };
        _returnVirtualXmm = BuildReturnInRegisters("Invoke.ReturnVirtual", Xmm, toCurrentFrame);
        _returnVirtualGpr = BuildReturnInRegisters("Invoke.ReturnVirtual", Gpr, toCurrentFrame);
        // A virtual frame right above the caller's, whose callee needs no copy into it (its arguments read
        // from the caller's slots): r12 moves by the caller's frame size, there and back.
        DepthUnderLimit = Build("Invoke.DepthUnderLimit", StencilKind.Invoke, b =>
        {
            ulong fail = b.CodeTarget("fail");
            b.Asm.mov(edx, __dword_ptr[r13 + Layout.VmDepth]);
            b.Asm.cmp(edx, __dword_ptr[r13 + Layout.VmRecursionLimit]);
            b.Asm.jge(fail);
        });
        EnterAbove = Build("Invoke.EnterAbove", StencilKind.Invoke, b => b.Asm.add(r12, b.Int32("callerSize")));
        // A virtual frame whose slots the lowering addressed from the caller's r12 (CodeUnitBuilder.SlotBias):
        // r12 never moved, only the value moves into the result's register (none when they are the same).
        _returnInPlaceXmm = BuildReturnInRegisters("Invoke.ReturnInPlace", Xmm, null);
        _returnInPlaceGpr = BuildReturnInRegisters("Invoke.ReturnInPlace", Gpr, null);
        // No frame to pop: r12 moves back to the current frame's slots (the caller's).
        ReturnVirtual = BuildReturnInlined("Invoke.ReturnVirtual", a =>
        {
            a.mov(r12, __qword_ptr[r13 + l.VmCurrentFrame]);
            a.add(r12, header);
        });
        // The pop exactly as Returned makes it.
        ReturnInlined = BuildReturnInlined("Invoke.ReturnInlined", a =>
        {
            a.mov(rax, __qword_ptr[r13 + l.VmCurrentFrame]);
            a.mov(__qword_ptr[r13 + l.VmFrameTop], rax);
            a.mov(rdx, __qword_ptr[rax + l.FrameBack]);
            a.mov(__qword_ptr[r13 + l.VmCurrentFrame], rdx);
            a.dec(__dword_ptr[r13 + l.VmDepth]);
            a.lea(r12, __qword_ptr[rdx + header]);
        });
        Returned = BuildReturned("Invoke.Returned", anyType: false);
        ReturnedTyped = BuildReturned("Invoke.ReturnedTyped", anyType: false, knownTag: true);
        _returnedToXmm = [.. Enumerable.Range(0, XmmStencils.Registers).Select(r =>
            BuildReturned($"Invoke.ReturnedTo.{XmmStencils.Name(r)}", anyType: false, knownTag: false,
                toRegister: a => a.movq(XmmStencils.Register(r), ReturnPayload)))];
        _returnedToGpr = [.. Enumerable.Range(0, GprStencils.Registers).Select(r =>
            BuildReturned($"Invoke.ReturnedTo.{GprStencils.Name(r)}", anyType: false, knownTag: false,
                toRegister: a => a.mov(GprStencils.CacheRegister(r), ReturnPayload)))];
        RecordFromR8 = Build("Invoke.RecordFromR8", StencilKind.Invoke, b => b.Asm.mov(rax, r8));
        UnrotateRecord = Build("Invoke.UnrotateRecord", StencilKind.Invoke, b =>
        {
            b.Asm.ror(rax, 32);
            b.Asm.mov(r8, rax);
        });
        ReturnedAny = BuildReturned("Invoke.ReturnedAny", anyType: true);
        StoreReturn = Build("Invoke.StoreReturn", StencilKind.Invoke, b =>
        {
            int src = b.ValueSlot("src");
            b.Asm.mov(ReturnPayload, __qword_ptr[r12 + src + l.ValuePayload]);
            b.Asm.mov(ReturnTag, __qword_ptr[r12 + src + l.ValueTag]);
        });
        Return = Build("Invoke.Return", StencilKind.Exit, b =>
        {
            b.Asm.mov(rax, b.Int64("record"));
            b.Asm.ret();
        });
        Finish = Build("Invoke.Finish", StencilKind.HelperCall, b =>
        {
            ulong helper = b.Int64("helper");
            ulong offset = b.Int64("offset");
            ulong depth = b.Int64("depth");
            ulong error = b.CodeTarget("error");
            // The exit record is in r8, where UnrotateRecord put it (the slow path's writes may use rax).
            b.Asm.mov(rdi, r13);
            b.Asm.mov(rsi, r12);
            b.Asm.mov(rdx, offset);
            b.Asm.mov(rcx, depth);
            b.Asm.mov(rax, helper);
            b.Asm.call(rax);
            b.Asm.test(rax, rax);
            b.Asm.jne(error);
        });
    }

    /// <summary>A direct call's return check and frame pop. The reason's bits 8-15 may carry the
    /// type the callee's return site proved (a typed return): <paramref name="anyType"/> accepts a
    /// return whatever its type, else the reason must equal returnReason exactly. The record stays
    /// rotated by 32 bits in rax for the slow path, which starts with <see cref="UnrotateRecord"/>. With <paramref name="knownTag"/> the value's
    /// tag is an operand (the typed return proved it), so only its payload is read back.</summary>
    private Stencil BuildReturned(string name, bool anyType, bool knownTag = false,
        Action<Assembler>? toRegister = null) => Build(name, StencilKind.Invoke, b =>
    {
        var l = Layout;
        int returnReason = b.Int32("returnReason");
        int tag = knownTag ? b.Int32("tag") : 0;
        int dst = toRegister is null ? b.ValueSlot("dst") : 0;
        ulong slow = b.CodeTarget("slow");
        // The reason is the record's high half: rotated into eax, the record kept whole in rax.
        b.Asm.ror(rax, 32);
        if (anyType)
        {
            b.Asm.mov(r8d, eax);
            b.Asm.and(r8d, unchecked((int)0xFFFF_00FF));
            b.Asm.cmp(r8d, returnReason);
        }
        else b.Asm.cmp(eax, returnReason);
        b.Asm.jne(slow);
        // The frame pop keeps the returned value's registers (rdx, rcx).
        b.Asm.mov(rax, __qword_ptr[r13 + l.VmCurrentFrame]);
        b.Asm.mov(__qword_ptr[r13 + l.VmFrameTop], rax);
        b.Asm.mov(r9, __qword_ptr[rax + l.FrameBack]);
        b.Asm.mov(__qword_ptr[r13 + l.VmCurrentFrame], r9);
        b.Asm.dec(__dword_ptr[r13 + l.VmDepth]);
        if (toRegister is not null)
        {
            toRegister(b.Asm);
            return;
        }
        b.Asm.mov(__qword_ptr[r12 + dst + l.ValuePayload], ReturnPayload);
        if (knownTag) b.Asm.mov(__qword_ptr[r12 + dst + l.ValueTag], tag);
        else b.Asm.mov(__qword_ptr[r12 + dst + l.ValueTag], ReturnTag);
    });

    /// <summary>Where a returning frame leaves its value for its caller, with the Return exit record
    /// in rax: the payload in rdx, the tag in rcx. A caller in machine code stores them straight into
    /// its result slot; the entry trampoline stores them in the VM state's return cell for .NET.</summary>
    public static readonly AssemblerRegister64 ReturnPayload = rdx, ReturnTag = rcx;
    /// <summary>The low half of <see cref="ReturnTag"/>: a tag known when the stencil is built is written
    /// with a 5-byte move (the upper half is cleared).</summary>
    public static readonly AssemblerRegister32 ReturnTag32 = ecx;

    /// <summary>Copies a 16-byte Value through xmm0 (a scratch register no cache uses): two instructions.
    /// Only from memory not written just before (a 16-byte load of two recent 8-byte stores is not
    /// served by store forwarding): a closure's cells, written when the closure was made.</summary>
    private static void CopyValue16(StencilBuilder b, AssemblerMemoryOperand src, AssemblerMemoryOperand dst)
    {
        b.Asm.movups(xmm0, __xmmword_ptr[src]);
        b.Asm.movups(__xmmword_ptr[dst], xmm0);
    }

    /// <summary>An inlined call returns the value in its slot src to the caller's slot dst, read before
    /// <paramref name="toCaller"/> moves r12 to the caller's slots.</summary>
    private Stencil BuildReturnInlined(string name, Action<Assembler> toCaller) => Build(name, StencilKind.Invoke, b =>
    {
        int src = b.ValueSlot("src");
        int dst = b.ValueSlot("dst");
        b.Asm.mov(r8, __qword_ptr[r12 + src + Layout.ValuePayload]);
        b.Asm.mov(r9, __qword_ptr[r12 + src + Layout.ValueTag]);
        toCaller(b.Asm);
        b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValuePayload], r8);
        b.Asm.mov(__qword_ptr[r12 + dst + Layout.ValueTag], r9);
    });

    /// <summary>A cache register set: how many, their names, and the move from one to another.</summary>
    private readonly record struct CacheRegisters(int Count, Func<int, string> Name, Action<Assembler, int, int> Move);

    private static readonly CacheRegisters Xmm = new(XmmStencils.Registers, XmmStencils.Name,
        (a, from, to) => a.movaps(XmmStencils.Register(to), XmmStencils.Register(from)));
    private static readonly CacheRegisters Gpr = new(GprStencils.Registers, GprStencils.Name,
        (a, from, to) => a.mov(GprStencils.CacheRegister(to), GprStencils.CacheRegister(from)));

    /// <summary>An inlined call returns its value in a cache register: <paramref name="toCaller"/> puts
    /// r12 back on the caller's slots (a frame without a frame push: the current frame's; null: r12 never
    /// left them, and no stencil where from and to are the same), then the value moves from register
    /// `from` to the result's register `to` (nothing when they are the same), for each pair of the cache
    /// registers: stencils "<paramref name="prefix"/>.FROM.TO".</summary>
    private Stencil[,] BuildReturnInRegisters(string prefix, CacheRegisters registers,
        Action<StencilBuilder>? toCaller)
    {
        var stencils = new Stencil[registers.Count, registers.Count];
        for (int from = 0; from < registers.Count; from++)
            for (int to = 0; to < registers.Count; to++)
            {
                var (f, t) = (from, to);
                if (toCaller is null && f == t) continue; // r12 stays and so does the value: nothing to emit
                stencils[from, to] = Build($"{prefix}.{registers.Name(from)}.{registers.Name(to)}", StencilKind.Invoke,
                    b =>
                    {
                        toCaller?.Invoke(b);
                        if (f != t) registers.Move(b.Asm, f, t);
                    });
            }
        return stencils;
    }

    /// <summary>A call's frame push. <paramref name="function"/> declares the function operand
    /// (between callerIp and globals) and returns the code that loads its pointer into rdx.</summary>
    private Stencil BuildPushFrame(string name, Func<StencilBuilder, Action<Assembler>> function) => Build(name, StencilKind.Invoke, b =>
    {
        var l = Layout;
        int header = l.FrameHeaderSize;
        var (frameSize, callerSp, callerIp, loadFunction, rest) = DeclarePush(b, function);
        ulong fail = b.CodeTarget("fail");
        CheckFrameRoom(b.Asm, frameSize, fail);
        // The caller stops at its call: Sp past the arguments, Ip at the call.
        b.Asm.lea(rdx, __qword_ptr[r12 + callerSp]);
        b.Asm.mov(__qword_ptr[r12 - header + l.FrameSp], rdx);
        b.Asm.mov(__dword_ptr[r12 - header + l.FrameIp], callerIp);
        // Commit the push.
        b.Asm.mov(__qword_ptr[r13 + l.VmFrameTop], rcx);
        b.Asm.inc(__dword_ptr[r13 + l.VmDepth]);
        b.Asm.mov(rdx, __qword_ptr[r13 + l.VmCurrentFrame]);
        b.Asm.mov(__qword_ptr[rax + l.FrameBack], rdx);
        b.Asm.mov(__qword_ptr[r13 + l.VmCurrentFrame], rax);
        loadFunction(b.Asm);
        WriteHeader(b.Asm, rest);
    });

    /// <summary>rax = the frame stack's top (where a frame pushed now starts), rcx = its end for a
    /// frame of <paramref name="frameSize"/> bytes; branches to <paramref name="fail"/> when the frame
    /// stack or the recursion limit would be exceeded. Clobbers edx.</summary>
    private void CheckFrameRoom(Assembler a, int frameSize, ulong fail)
    {
        var l = Layout;
        a.mov(rax, __qword_ptr[r13 + l.VmFrameTop]);
        a.lea(rcx, __qword_ptr[rax + frameSize]);
        a.cmp(rcx, __qword_ptr[r13 + l.VmFrameLimit]);
        a.ja(fail);
        a.mov(edx, __dword_ptr[r13 + l.VmDepth]);
        a.cmp(edx, __dword_ptr[r13 + l.VmRecursionLimit]);
        a.jge(fail);
    }

    /// <summary>The operands a frame push and a virtual frame's materialization share, in order:
    /// frameSize, callerSp, callerIp, the function (declared by <paramref name="function"/>), then the
    /// header's.</summary>
    private static (int FrameSize, int CallerSp, int CallerIp, Action<Assembler> LoadFunction, HeaderOperands Header)
        DeclarePush(StencilBuilder b, Func<StencilBuilder, Action<Assembler>> function)
    {
        int frameSize = b.Int32("frameSize");
        int callerSp = b.ValueSlot("callerSp");
        int callerIp = b.Int32("callerIp");
        var loadFunction = function(b);
        return (frameSize, callerSp, callerIp, loadFunction, DeclareHeader(b));
    }

    private readonly record struct HeaderOperands(ulong Globals, int CodeId, ulong SlotCountHigh, int StackBase);

    private static HeaderOperands DeclareHeader(StencilBuilder b) =>
        new(b.Int64("globals"), b.Int32("codeId"), b.Int64("slotCountHigh"), b.Int32("stackBase"));

    /// <summary>The header of the frame at rax, as Frame.Init writes it, the function object in rdx.</summary>
    private void WriteHeader(Assembler a, HeaderOperands h)
    {
        var l = Layout;
        a.mov(__qword_ptr[rax + l.FrameFunction], rdx);
        a.mov(rdx, h.Globals);
        a.mov(__qword_ptr[rax + l.FrameGlobals], rdx);
        // CodeId and Ip are adjacent: one store of the zero-extended id writes Ip = 0 too.
        if (l.FrameIp == l.FrameCodeId + 4)
            a.mov(__qword_ptr[rax + l.FrameCodeId], h.CodeId);
        else
        {
            a.mov(__dword_ptr[rax + l.FrameCodeId], h.CodeId);
            a.mov(__dword_ptr[rax + l.FrameIp], 0);
        }
        // Flags = 0 and SlotCount in one store, Locals = Generator = 0 in another (16 bytes).
        if (l.FrameSlotCount == l.FrameFlags + 4)
        {
            a.mov(rdx, h.SlotCountHigh);
            a.mov(__qword_ptr[rax + l.FrameFlags], rdx);
        }
        else
        {
            a.mov(__dword_ptr[rax + l.FrameSlotCount], (int)(h.SlotCountHigh >> 32));
            a.mov(__dword_ptr[rax + l.FrameFlags], 0);
        }
        a.xorps(xmm0, xmm0);
        if (l.FrameGenerator == l.FrameLocals + 8)
            a.movups(__xmmword_ptr[rax + l.FrameLocals], xmm0);
        else
        {
            a.movq(__qword_ptr[rax + l.FrameLocals], xmm0);
            a.movq(__qword_ptr[rax + l.FrameGenerator], xmm0);
        }
        a.lea(rdx, __qword_ptr[rax + h.StackBase]);
        a.mov(__qword_ptr[rax + l.FrameSp], rdx);
    }

    /// <summary>An inlined call's frame that was not pushed (<see cref="EnterVirtual"/>), pushed now,
    /// r12 on its slots: the operands are <see cref="PushFrame"/>'s without fail, the callerSp and
    /// function slots the caller's (the current frame's). <paramref name="function"/> declares the
    /// function operand and returns the code that loads its pointer into rdx from the caller's frame
    /// (in rdx).</summary>
    private Stencil BuildMaterializeFrame(string name, Func<StencilBuilder, Action<Assembler>> function) =>
        Build(name, StencilKind.Invoke, b =>
    {
        var l = Layout;
        int header = l.FrameHeaderSize;
        var (frameSize, callerSp, callerIp, loadFunction, rest) = DeclarePush(b, function);
        b.Asm.lea(rax, __qword_ptr[r12 - header]);
        b.Asm.mov(rdx, __qword_ptr[r13 + l.VmCurrentFrame]);
        // The caller stops at its call, as a push records it.
        b.Asm.lea(rcx, __qword_ptr[rdx + header + callerSp]);
        b.Asm.mov(__qword_ptr[rdx + l.FrameSp], rcx);
        b.Asm.mov(__dword_ptr[rdx + l.FrameIp], callerIp);
        // The push: the frame is where the frame stack's top still is (nothing was pushed since).
        b.Asm.lea(rcx, __qword_ptr[rax + frameSize]);
        b.Asm.mov(__qword_ptr[r13 + l.VmFrameTop], rcx);
        b.Asm.inc(__dword_ptr[r13 + l.VmDepth]);
        b.Asm.mov(__qword_ptr[rax + l.FrameBack], rdx);
        b.Asm.mov(__qword_ptr[r13 + l.VmCurrentFrame], rax);
        loadFunction(b.Asm);
        WriteHeader(b.Asm, rest);
    });

    /// <summary>(frameSize:Int32, callerSp, callerIp:Int32, function (the slot holding it), globals:Int64, codeId:Int32,
    /// slotCountHigh:Int64 (the slot count shifted left by 32), stackBase:Int32, fail): push and initialize the callee's frame (rax), or
    /// branch to fail, untouched, when the frame stack or the recursion limit is reached.</summary>
    public Stencil PushFrame { get; }
    /// <summary>As <see cref="PushFrame"/> with the function object's address as an immediate (a
    /// class's __init__, which is in no slot of the caller).</summary>
    public Stencil PushFrameOf { get; }
    /// <summary>(src, dst): copy a caller slot into local dst of the new frame.</summary>
    public Stencil Argument { get; }
    /// <summary>(payload:Int64, tag:Int32, dst): write a constant argument into local dst of the new
    /// frame (the caller's slot for it stays unwritten).</summary>
    public Stencil ArgumentConstant { get; }
    /// <summary>(slot, codeId:Int32, fail): the function in slot, known to be a function, runs the code
    /// codeId (Guard.FunctionCode without its tag and kind tests).</summary>
    public Stencil CodeOfFunction { get; }
    /// <summary>(function): rdx = the closure (a tuple of cells) of the function in slot function,
    /// for <see cref="ClosureCell"/>.</summary>
    public Stencil LoadClosure { get; }
    /// <summary>(closure:Int64): rdx = the closure of a function known at compile time.</summary>
    public Stencil LoadClosureOf { get; }
    /// <summary>(cell, dst): copy cell number `cell` of the closure in rdx into local dst of the new frame.</summary>
    public Stencil ClosureCell { get; }
    /// <summary>(dst): mark local dst of the new frame unbound.</summary>
    public Stencil ClearLocal { get; }
    /// <summary>(entry:DataCell): run the callee from the entry slot with r12 on its frame.</summary>
    public Stencil Call { get; }
    /// <summary>(): count a call in the VM state (only when statistics are counted in code).</summary>
    public Stencil CountCall { get; }
    /// <summary>(): a trace runs an inlined call's code in the callee's frame just pushed (rax): r12
    /// moves to its slots, with no call and no return address.</summary>
    public Stencil EnterInlined { get; }
    /// <summary>(frameSize:Int32, fail): an inlined call's frame that is not pushed (a virtual frame):
    /// rax = where it would start (the frame stack's top), checked as <see cref="PushFrame"/> checks it
    /// (fail when the frame stack or the recursion limit is reached); nothing is written. The
    /// arguments follow, then <see cref="EnterInlined"/>.</summary>
    public Stencil EnterVirtual { get; }
    /// <summary>(fail): <see cref="EnterVirtual"/> for a frame that fits the frame stack's reserve above
    /// a frame pushed with its room checked (FrameStack.VirtualFrameReserve): only the recursion limit
    /// is checked.</summary>
    public Stencil EnterVirtualInReserve { get; }
    /// <summary>(): <see cref="EnterVirtualInReserve"/> in a frame whose depth was checked under the
    /// recursion limit before (it stays under it while the frame runs): rax = the frame stack's top.</summary>
    public Stencil EnterVirtualChecked { get; }
    /// <summary>(src, tag:Int32, dst): as <see cref="Argument"/> for a value whose tag the caller knows
    /// (an int or a float): its payload copied, its tag written as an immediate.</summary>
    public Stencil ArgumentTyped { get; }
    /// <summary>(frameSize, callerSp, callerIp, function (the caller's slot holding it), globals, codeId,
    /// slotCountHigh, stackBase): push the virtual frame r12 is on, as <see cref="PushFrame"/> would
    /// have pushed it (before an exit, a helper call or a call from inside the inlined code).</summary>
    public Stencil MaterializeFrame { get; }
    /// <summary>As <see cref="MaterializeFrame"/> with the function object's address as an immediate.</summary>
    public Stencil MaterializeFrameOf { get; }
    /// <summary>(): as <see cref="ReturnVirtual"/> for a float value in cache register
    /// xmm(8 + <paramref name="from"/>), left in xmm(8 + <paramref name="to"/>), the result's register;
    /// nothing is written.</summary>
    public Stencil ReturnVirtualInXmm(int from, int to) => _returnVirtualXmm[from, to];
    /// <summary>(): the same for an int value in int cache register <paramref name="from"/>.</summary>
    public Stencil ReturnVirtualInGpr(int from, int to) => _returnVirtualGpr[from, to];
    private readonly Stencil[,] _returnVirtualXmm, _returnVirtualGpr;
    /// <summary>(fail): the current frame's depth is under the recursion limit (an inlined call's frame may
    /// go above it), or fail.</summary>
    public Stencil DepthUnderLimit { get; }
    /// <summary>(callerSize:Int32): r12 onto the slots of a virtual frame right above the current one (the
    /// frame stack's top), whose size is callerSize: nothing is written into the frame.</summary>
    public Stencil EnterAbove { get; }
    /// <summary>(): <see cref="ReturnVirtualInXmm"/> from a virtual frame whose slots were addressed from the
    /// caller's r12 (no r12 move): the register move alone; from and to differ.</summary>
    public Stencil ReturnInPlaceInXmm(int from, int to) =>
        _returnInPlaceXmm[from, to] ?? throw new ArgumentException("no move: the value is in place");
    /// <summary>(): <see cref="ReturnInPlaceInXmm"/> for an int in a general-purpose cache register.</summary>
    public Stencil ReturnInPlaceInGpr(int from, int to) =>
        _returnInPlaceGpr[from, to] ?? throw new ArgumentException("no move: the value is in place");
    private readonly Stencil?[,] _returnInPlaceXmm, _returnInPlaceGpr;
    /// <summary>(record:Int64): r8 = an exit record, for <see cref="Finish"/> (an exit inside an
    /// inlined callee).</summary>
    public Stencil RecordToR8 { get; }
    /// <summary>(): r8 = rax, a helper's non-zero status (an exit record), for <see cref="Finish"/>.</summary>
    public Stencil StatusToR8 { get; }
    /// <summary>(): r12 from a virtual frame's slots to the current frame's (its caller's): the
    /// inlined call returns with its value in a cache register, or an exit writes the caller's
    /// pending entries before it pushes the frame.</summary>
    public Stencil ToCallerSlots { get; }
    /// <summary>(): r12 from a pushed frame's slots to its caller's (the frame it links back to).</summary>
    public Stencil ToCallerOfFrame { get; }
    /// <summary>(): r12 back on a virtual frame's slots (where the frame stack's top is).</summary>
    public Stencil ToVirtualSlots { get; }
    /// <summary>(src, dst): an inlined call whose frame was never pushed returns the value in its slot
    /// src: r12 moves back to the current frame's slots and the value goes to its slot dst.</summary>
    public Stencil ReturnVirtual { get; }
    /// <summary>(src, dst): an inlined call returns the value in its slot src: its frame is popped as
    /// <see cref="Returned"/> pops it, r12 moves back to the caller's slots and the value goes to
    /// the caller's slot dst.</summary>
    public Stencil ReturnInlined { get; }
    /// <summary>(returnReason:Int32, dst, slow): the callee returned: pop its frame and store its
    /// value in dst; any other exit record branches to slow with the record rotated by 32 bits in rax.</summary>
    public Stencil Returned { get; }
    /// <summary>(returnReason:Int32, tag:Int32, dst, slow): as <see cref="Returned"/> for a typed
    /// return whose tag is known: only the payload is read back, the tag is stored as an immediate.</summary>
    public Stencil ReturnedTyped { get; }
    /// <summary>(returnReason:Int32, slow): as <see cref="ReturnedTyped"/> for a float return, the value
    /// left unboxed in cache register xmm(8 + <paramref name="register"/>), its slot not written.</summary>
    public Stencil ReturnedToXmm(int register) => _returnedToXmm[register];
    /// <summary>(returnReason:Int32, slow): the same for an int return, left in int cache register
    /// <paramref name="register"/> (rbx, r14, r15).</summary>
    public Stencil ReturnedToGpr(int register) => _returnedToGpr[register];
    private readonly Stencil[] _returnedToXmm, _returnedToGpr;
    /// <summary>(): a typed return's miss path: the record <see cref="UnrotateRecord"/> kept in r8 back to rax.</summary>
    public Stencil RecordFromR8 { get; }
    /// <summary>(): first on a Returned stencil's slow path, before any write: the record, which
    /// Returned left rotated by 32 bits in rax, whole again in rax and r8.</summary>
    public Stencil UnrotateRecord { get; }
    /// <summary>(returnReason:Int32, dst, slow): as <see cref="Returned"/>, for a return of any type
    /// (the reason's type bits are ignored).</summary>
    public Stencil ReturnedAny { get; }
    /// <summary>(src): leave a returning frame's value in the return registers (<see cref="ReturnPayload"/>,
    /// <see cref="ReturnTag"/>).</summary>
    public Stencil StoreReturn { get; }
    /// <summary>(record:Int64): leave the code with a Return exit record, not counted (the
    /// counted exit is Control.Exit); the value is in the return registers.</summary>
    public Stencil Return { get; }
    /// <summary>(helper:Int64, offset:Int64, depth:Int64, error): call
    /// <c>helper(vm, slots, offset, depth, exitRecord = r8)</c>; non-zero goes to error.</summary>
    public Stencil Finish { get; }
}
