using System;
using System.IO;
using SecretGuard.EnvFiles;

namespace SecretGuard.Tests;

/// <summary>Save refuses what it must not rewrite: a file marked read-only keeps its bytes and its mode.</summary>
public class EnvFileSaveRefusalTests
{
    [Fact]
    public void Save_refuses_a_read_only_file_naming_it_and_how_to_make_it_writable()
    {
        using var dir = new TempDirectory();
        var path = dir.File(".env.dev");
        File.WriteAllText(path, "A_SECRET=plain\n");
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        var file = EnvFile.Load(path);
        file.Find("A_SECRET")!.SetValue("DEV_ENC:v1:3f4fd31a:AAECAwQFBgcICQoLLa23_lEEG91zSkBophW7a8kVMGj4vjjfQvQhMCRoZD8UHGAn2FlH1cOpMmw", EnvQuoteStyle.None);

        var ex = Assert.Throws<UnauthorizedAccessException>(() => file.Save());
        Assert.Contains(path, ex.Message);
        Assert.Contains("read-only", ex.Message);
        Assert.Contains(OperatingSystem.IsWindows() ? "attrib -r" : "chmod u+w", ex.Message);
        Assert.DoesNotContain("plain", ex.Message);
        Assert.Equal("A_SECRET=plain\n", File.ReadAllText(path));
        Assert.Equal(new[] { path }, Directory.GetFiles(dir.Path));
        Assert.True(File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly));
    }
}
