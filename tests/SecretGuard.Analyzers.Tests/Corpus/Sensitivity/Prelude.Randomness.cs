// Prelude for the SG0005 category files (SG0005.*.KeyMaterialShape.txt, ...Apis.txt, ...Targets.txt): stubs of
// libraries the randomness snippets call, with the real libraries' type and member names.
// This file is corpus data: the test project must not compile it into itself (<Compile Remove="Corpus/**" />).
#nullable disable

namespace Microsoft.IdentityModel.Tokens
{
    public abstract class SecurityKey
    {
        public string KeyId { get; set; }
    }

    public class SymmetricSecurityKey : SecurityKey
    {
        public SymmetricSecurityKey(byte[] key) => Key = key;

        public virtual byte[] Key { get; }
    }
}
