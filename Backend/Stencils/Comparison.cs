namespace Lbbv.Backend.Stencils;

/// <summary>The six ordering comparisons, each with its own stencils.</summary>
public enum Comparison { Less, LessOrEqual, Equal, NotEqual, Greater, GreaterOrEqual }
