using System.Runtime.CompilerServices;

namespace SecretGuard;

/// <summary>The <see cref="MethodImplOptions"/> that netstandard2.0 does not name.</summary>
internal static class MethodImplOptionsExtended
{
    /// <summary>
    /// <c>MethodImplOptions.AggressiveOptimization</c> (.NET Core 3.0 and later): the method is compiled fully
    /// optimised on its first call, instead of first as quick unoptimised code that is recompiled only once it has
    /// been called often enough and the runtime has stopped compiling new methods for a while — which, inside a
    /// compiler that keeps compiling new methods, can be most of a build. .NET Framework ignores the flag (it always
    /// optimises).
    /// </summary>
    public const MethodImplOptions AggressiveOptimization = (MethodImplOptions)512;
}
