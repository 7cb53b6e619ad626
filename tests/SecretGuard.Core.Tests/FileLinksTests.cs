using System;
using System.IO;
using System.Linq;
using System.Text;
using SecretGuard.IO;

namespace SecretGuard.Tests;

/// <summary>
/// Writes through symbolic links (issue 13, items 1 and 2): <see cref="FileLinks"/> finds the file a link chain ends at,
/// and <see cref="AtomicFile"/> replaces that file, in its own folder, leaving every link a link.
/// </summary>
public class FileLinksTests
{
    private static readonly byte[] Text = new UTF8Encoding(false).GetBytes("A=1\n");

    [Fact]
    public void A_write_through_a_link_replaces_the_file_it_names_there_and_keeps_the_link_and_the_mode()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // creating symbolic links needs a privilege there
        }

        using var dir = new TempDirectory();
        var shared = dir.CreateSubdirectory("shared");
        var repo = dir.CreateSubdirectory("repo");
        var target = Path.Combine(shared, "secretguard.keys");
        File.WriteAllText(target, "old\n");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var link = Path.Combine(repo, "secretguard.keys");
        File.CreateSymbolicLink(link, Path.Combine("..", "shared", "secretguard.keys"));

        using (var prepared = AtomicFile.Prepare(link, Text))
        {
            Assert.Equal(target, prepared.TargetPath);
            Assert.Equal(shared, Path.GetDirectoryName(prepared.TempPath));
            prepared.Commit();
        }

        Assert.Equal(Path.Combine("..", "shared", "secretguard.keys"), new FileInfo(link).LinkTarget);
        Assert.Equal("A=1\n", File.ReadAllText(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        Assert.Equal(new[] { "secretguard.keys" }, Directory.GetFiles(shared).Select(Path.GetFileName).ToArray());
        Assert.Equal(new[] { "secretguard.keys" }, Directory.GetFiles(repo).Select(Path.GetFileName).ToArray());
    }

    [Fact]
    public void A_chain_of_links_and_linked_folders_resolves_to_one_path()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDirectory();
        var real = dir.CreateSubdirectory("real", "config");
        var target = Path.Combine(real, ".env.dev");
        File.WriteAllText(target, "A=1\n");
        Directory.CreateSymbolicLink(dir.File("mount"), Path.Combine("real", "config"));      // a linked folder
        File.CreateSymbolicLink(dir.File("second"), Path.Combine("mount", ".env.dev"));        // a link through it
        File.CreateSymbolicLink(dir.File("first"), dir.File("second"));                       // a link to a link

        Assert.Equal(target, FileLinks.ResolveForWriting(dir.File("first")));
        Assert.Equal(target, FileLinks.ResolveForWriting(Path.Combine(dir.File("mount"), ".env.dev")));
        Assert.Equal(target, FileLinks.ResolveForWriting(target));
        Assert.True(FileLinks.IsLink(dir.File("first")));
        Assert.False(FileLinks.IsLink(target));

        // A file that does not exist yet, in a linked folder, is created in the real folder.
        Assert.Equal(Path.Combine(real, ".env.prod"), FileLinks.ResolveForWriting(Path.Combine(dir.File("mount"), ".env.prod")));
        Assert.Equal(dir.File("new.env"), FileLinks.ResolveForWriting(dir.File("new.env")));
    }

    [Fact]
    public void A_link_to_nothing_or_to_a_folder_or_links_that_loop_are_errors_and_nothing_is_created()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDirectory();
        var dangling = dir.File("secretguard.keys");
        var missing = dir.File(Path.Combine("unmounted", "secretguard.keys"));
        File.CreateSymbolicLink(dangling, missing);
        var ex = Assert.Throws<IOException>(() => AtomicFile.WriteAllBytes(dangling, Text));
        Assert.Equal(
            dangling + " is a symbolic link to " + missing + ", which does not exist: SecretGuard writes the file a link points at and never creates one there. " +
            "Fix the link (or create that file first), then try again. Nothing was written.",
            ex.Message);
        Assert.False(Directory.Exists(dir.File("unmounted")));
        Assert.Equal(new[] { "secretguard.keys" }, Directory.GetFiles(dir.Path).Select(Path.GetFileName).ToArray());

        File.CreateSymbolicLink(dir.File(".env.dev"), dir.CreateSubdirectory("folder"));
        Assert.Contains("which is a folder, not a file", Assert.Throws<IOException>(() => FileLinks.ResolveForWriting(dir.File(".env.dev"))).Message);

        File.CreateSymbolicLink(dir.File("a"), "b");
        File.CreateSymbolicLink(dir.File("b"), "a");
        Assert.Contains("loop (more than " + FileLinks.MaxLinks + " followed)", Assert.Throws<IOException>(() => FileLinks.ResolveForWriting(dir.File("a"))).Message);
    }
}
