namespace Lbbv.Backend.Stencils;

/// <summary>The stencil families; counters of emitted stencils are kept per family.</summary>
public enum StencilKind
{
    FrameMove,       // copy a Value between frame slots, load/store a global or closure cell
    FrameConstant,   // store a constant Value into a frame slot
    Guard,           // tag and object-kind tests that branch away when they fail
    IntArithmetic,   // int64 arithmetic with an overflow branch to the slow path
    FloatArithmetic, // double arithmetic
    CompareBranch,   // a comparison fused with a conditional branch
    CompareValue,    // a comparison that stores a bool
    Sequence,        // list and tuple length and indexing
    Attribute,       // instance attribute slots behind a class check
    HelperCall,      // a call into a .NET helper
    Exit,            // return to the interpreter with an exit record
    Jump,            // a direct jump inside or between published code
    JumpThroughSlot, // an indirect jump through a data slot
    Stub,            // lazy-compile stubs
    Entry,           // the .NET to machine-code trampoline
    Counter,         // statistics counters incremented by machine code
    Invoke,          // machine code calling machine code: frame push, arguments, call, return
    Iteration,       // a for loop's next step on a native range or list iterator
    Padding,         // NOPs that align a patchable link (--link patch)
}

/// <summary>What a stencil parameter is and so which operand it takes.</summary>
public enum ParameterKind
{
    ValueSlot,  // the index of a 16-byte Value (frame slot, instance slot, tuple item): holes hold index * ValueSize + addend
    Int8,       // imm8
    Int32,      // imm32 or disp32 (+ addend)
    Int64,      // imm64: constants, pointers, helper addresses, exit records
    CodeTarget, // rel32 to a label of the unit or to published code
    DataCell,   // rip-relative disp32 to an 8-byte data cell (indirect slot, counter)
}
