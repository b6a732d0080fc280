--TEST--
sqzgraph import killed (SIGKILL) while it writes a message: only a hidden .partial directory is left, never a directory that looks complete; the next run replaces a copy a crashed run left under the same id (and the leftovers of an interrupted replacement) instead of duplicating it
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
if (!class_exists('SqzGraph\Importer')) die('skip SqzGraph\Importer not built yet');
if (!function_exists('posix_kill')) die('skip needs posix'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$t = MockTenant::start('basic');
$dir = sqz_tmp('cli');
$ini = cli_ini($t, $dir, 'cc', ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN]);
// Messages up to 2 MiB are fetched ahead of the handler (prefetch); the oldest one here is over
// that, so the handler streams it and a hanging download keeps the process inside its write.
$t->addMessage(ADMIN, ['subject' => 'Huge', 'received' => '2020-01-01T00:00:00Z', 'pad_to' => 3 << 20,
    'attachments' => [['name' => 'big.pdf', 'content_type' => 'application/pdf', 'size' => 10]]]);
$name = fn (array $m) => gmdate('Ymd\THis\Z', strtotime($m['received'])) . '-' . substr(hash('sha256', $m['immutable_id']), 0, 12);
$inbox = $t->messagesIn(ADMIN, 'inbox');
$names = array_combine(array_column($inbox, 'subject'), array_map($name, $inbox));
$ls = function (string $d) use ($names): string {
    $short = array_flip($names);
    $out = [];
    foreach (array_diff(scandir($d), ['.', '..']) as $e) {
        $label = preg_replace_callback('/[0-9TZ]{16}-[0-9a-f]{12}/', fn ($m) => '<' . ($short[$m[0]] ?? '?') . '>', $e);
        $out[] = $label . (is_dir("$d/$e") ? '/{' . implode(',', array_diff(scandir("$d/$e"), ['.', '..'])) . '}' : '');
    }
    return implode("\n  ", $out);
};

// the download of Huge's attachment hangs: the process is killed while it writes that message
$t->fault(['method' => 'GET', 'path' => 'attachments/[^/]+/\$value', 'action' => 'delay', 'delay_ms' => 20000 * MockTenant::slowdown(), 'nth' => 1]);
$p = proc_open(array_merge(sqz_php(), [SQZ_CLI, 'import', '--config', $ini, '--target', "$dir/out"]),
    [1 => ['file', "$dir/stdout", 'w'], 2 => ['file', "$dir/stderr", 'w']], $pipes);
$partial = "$dir/out/." . $names['Huge'] . '.partial';
// The defined point: big.pdf exists once message.eml is written and the handler has started the
// attachment's download (which hangs), so what is on disk no longer depends on the machine's speed.
for ($i = 0; $i < 1000 * MockTenant::slowdown() && !is_file("$partial/big.pdf"); $i++) {
    usleep(20000);
}
posix_kill(proc_get_status($p)['pid'], SIGKILL);
proc_close($p);
$t->clearFaults();
echo "after the kill:\n  ", $ls("$dir/out"), "\n";

// as if a run had crashed after its rename (the journal still says "started") and another one in
// the middle of replacing a copy: the old copy renamed aside, the new one not yet in place
mkdir("$dir/out/" . $names['Invoice 1']);
file_put_contents("$dir/out/" . $names['Invoice 1'] . '/stale.pdf', 'from the crashed run');
mkdir("$dir/out/." . $names['Invoice 2'] . '.old');
file_put_contents("$dir/out/." . $names['Invoice 2'] . '.old/message.eml', 'old copy');
echo "planted:\n  ", $ls("$dir/out"), "\n";

[$rc, $out, $err] = cli(['import', '--config', $ini, '--target', "$dir/out"]);
echo "next run: exit $rc ", json_encode($err), "\n", preg_replace('/ in [\d.]+ s \([\d.]+ messages\/s\)/', ' in N s', $out);
echo "after:\n  ", $ls("$dir/out"), "\n";
$ok = true;
foreach ($inbox as $m) {
    $d = "$dir/out/" . $name($m);
    $ok = $ok && hash_file('sha256', "$d/message.eml") === $m['mime_sha256']
        && json_decode(file_get_contents("$d/meta.json"), true)['id'] === $m['immutable_id'];
}
echo 'each message.eml is its MIME, each meta.json its id: ', json_encode($ok), "\n";
echo 'Exported: ', count($t->messagesIn(ADMIN, 'Exported')), "\n";
?>
--EXPECT--
after the kill:
  .<Huge>.partial/{big.pdf,message.eml}
planted:
  .<Huge>.partial/{big.pdf,message.eml}
  .<Invoice 2>.old/{message.eml}
  <Invoice 1>/{stale.pdf}
next run: exit 0 ""
fetching 6 messages…
[1/6] imported  Huge
[2/6] imported  Invoice 1
[3/6] imported  Invoice 2
[4/6] imported  Invoice 3
[5/6] imported  No attachment
[6/6] imported  50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf
imported 6, failed 0, deferred 0, vanished 0, resumed 0 in N s
after:
  <Huge>/{big.pdf,message.eml,meta.json}
  <Invoice 1>/{invoice-1.pdf,message.eml,meta.json}
  <Invoice 2>/{invoice-2.pdf,message.eml,meta.json}
  <Invoice 3>/{invoice-3.pdf,message.eml,meta.json}
  <No attachment>/{message.eml,meta.json}
  <50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf>/{50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829.pdf,message.eml,meta.json}
each message.eml is its MIME, each meta.json its id: true
Exported: 6
