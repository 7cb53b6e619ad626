using System;
using System.IO;
using System.Linq;
using System.Threading;
using SecretGuard.Checks;

namespace SecretGuard.Tests;

/// <summary>
/// The build's encrypt-in-place on an env file that is a symbolic link into a shared folder (issue 13, item 2): it
/// encrypts the shared file, keeps the link, and locks the shared file itself, so projects that link the same file
/// take turns.
/// </summary>
public class EnvCheckLinkTests
{
    [Fact]
    public void Encrypting_through_a_link_writes_the_shared_file_and_keeps_the_link()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // creating symbolic links needs a privilege there
        }

        using var s = new CheckScenario("dev");
        Directory.CreateDirectory(Path.Combine(s.Root, "shared", "config"));
        Directory.CreateDirectory(Path.Combine(s.Root, "app"));
        var shared = s.Write(Path.Combine("shared", "config", ".env.dev"), "# shared\nAPI_KEY_SECRET=canary-linked\nNAME=app\n");
        var link = Path.Combine(s.Root, "app", ".env.dev");
        var linkText = Path.Combine("..", "shared", "config", ".env.dev");
        File.CreateSymbolicLink(link, linkText);

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(link, "dev")));

        CheckAssert.Empty(report);
        Assert.Equal(1, report.EncryptedCounts[link]);
        Assert.Equal(linkText, new FileInfo(link).LinkTarget);
        Assert.Equal("# shared\nAPI_KEY_SECRET=<ENC>\nNAME=app\n", CheckScenario.Ciphertext.Replace(s.Read(shared), "<ENC>"));
        Assert.Equal("canary-linked", s.Decrypt("dev", "API_KEY_SECRET", CheckScenario.ValueIn(shared, "API_KEY_SECRET")));
        Assert.Equal(new[] { ".env.dev" }, Directory.GetFiles(Path.Combine(s.Root, "app")).Select(Path.GetFileName).ToArray());
        Assert.Empty(Directory.GetFiles(Path.Combine(s.Root, "shared", "config"), "*.tmp"));
    }

    [Fact]
    public void Projects_that_link_one_shared_file_take_turns_and_encrypt_each_value_once()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const int Projects = 4;
        const int Secrets = 12;
        for (var round = 0; round < 3; round++)
        {
            using var s = new CheckScenario("dev");
            _ = s.Ring("dev"); // derive the key up front so the runs reach the file together
            Directory.CreateDirectory(Path.Combine(s.Root, "shared"));
            var plaintexts = Enumerable.Range(0, Secrets).ToDictionary(i => "VALUE_" + i + "_SECRET", i => "canary-" + round + "-" + i);
            var shared = s.Write(Path.Combine("shared", ".env.dev"), string.Concat(plaintexts.Select(p => p.Key + "=" + p.Value + "\n")));
            var links = Enumerable.Range(0, Projects).Select(i =>
            {
                Directory.CreateDirectory(Path.Combine(s.Root, "app" + i));
                var link = Path.Combine(s.Root, "app" + i, ".env.dev");
                File.CreateSymbolicLink(link, shared);
                return link;
            }).ToList();

            var reports = new EnvCheckReport?[Projects];
            using var start = new Barrier(Projects);
            var threads = Enumerable.Range(0, Projects).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                reports[i] = EnvCheckRunner.Run(s.Options(CheckMode.Encrypt, "dev", new EnvFileTarget(links[i], "dev")));
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromSeconds(60))));

            Assert.Equal(Secrets, reports.Sum(r => r!.EncryptedCounts.Values.Sum()));
            Assert.All(links, l => Assert.Equal(shared, new FileInfo(l).LinkTarget));
            foreach (var (key, plaintext) in plaintexts)
            {
                Assert.Equal(plaintext, s.Decrypt("dev", key, CheckScenario.ValueIn(shared, key)));
            }
        }
    }
}
