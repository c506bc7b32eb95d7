using System.Runtime.InteropServices;

namespace Uk.Dotnet.CryptoNative;

// The EVP_MD_CTX* and HMAC_CTX* pointers CoreLib holds in its safe handles: GC handles to
// the managed state, freed when CoreLib destroys the context.
internal static class Contexts
{
    public static nint Keep(object state) => GCHandle.ToIntPtr(GCHandle.Alloc(state));

    public static T? Get<T>(nint context) where T : class =>
        context == 0 ? null : GCHandle.FromIntPtr(context).Target as T;

    public static void Release(nint context)
    {
        if (context != 0)
            GCHandle.FromIntPtr(context).Free();
    }
}
