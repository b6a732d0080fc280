--TEST--
sqzgraph import: attachment names chosen by a sender (path traversal, separators, NUL/CR/LF, 300 characters, duplicates, empty, the names of the message's own files) are stored under safe names inside the message's directory only; meta.json maps each name to its file
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
if (!class_exists('SqzGraph\Importer')) die('skip SqzGraph\Importer not built yet'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$t = MockTenant::start([]);
$t->reset('basic');
foreach ($t->messagesIn(ADMIN, 'inbox') as $m) {
    $t->deleteMessage($m['immutable_id']);
}
$long = str_repeat('Rechnung-', 33) . 'x.pdf';    // 302 bytes
$att = fn (string $name, int $size = 10, string $type = 'application/pdf') => ['name' => $name, 'content_type' => $type, 'size' => $size];
$t->addMessage(ADMIN, ['subject' => "Hostile\r\nnames\x1b[31m", 'received' => '2024-03-01T08:00:00Z',
    'from' => ['name' => 'Mallory', 'address' => 'mallory@evil.example'], 'attachments' => [
    $att('../../etc/passwd', 1001), $att('a/b\\c.pdf', 1002), $att($long, 1003), $att("x\0y.pdf", 1004) /* the name ends at the NUL before it reaches the CLI */, $att("in\r\nvoice\t.pdf", 1005),
    $att('scan.pdf', 1006), $att('SCAN.pdf', 1007), $att('scan.pdf', 1008), $att('', 1009), $att('meta.json', 1010, 'application/json'),
    $att('message.eml', 1011, 'message/rfc822'), $att('.bashrc', 1012, 'text/plain'), $att('CON.txt', 1013, 'text/plain'),
    $att('..', 1014), $att('/', 1015), $att('..\\..\\boot.ini', 1016, 'text/plain'),
    ['kind' => 'reference', 'name' => 'Budget.xlsx', 'url' => 'https://contoso.sharepoint.example/Budget.xlsx'],
]]);
$dir = sqz_tmp('cli');
mkdir("$dir/out");
$ini = cli_ini($t, $dir, 'cc', ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN]);
[$rc, $out, $err] = cli(['import', '--config', $ini, '--target', "$dir/out"]);
echo "exit $rc ", json_encode($err), "\n", preg_replace('/ in [\d.]+ s \([\d.]+ messages\/s\)/', ' in N s', $out);
// nothing outside: the temp dir holds only the INI, its store and out/ with one directory
$top = array_values(array_diff(scandir($dir), ['.', '..']));
echo 'temp dir: ', json_encode($top), "\n";
$msgDirs = array_values(array_diff(scandir("$dir/out"), ['.', '..']));
echo 'out: ', json_encode(preg_replace('/-[0-9a-f]{12}$/', '-HASH', $msgDirs)), "\n";
$d = "$dir/out/$msgDirs[0]";
$files = array_values(array_diff(scandir($d), ['.', '..']));
echo "files:\n";
foreach ($files as $f) {
    printf("  %-30s %5d bytes%s\n", strlen($f) > 30 ? substr($f, 0, 12) . '…' . substr($f, -12) . ' (' . strlen($f) . ' B)' : $f,
        filesize("$d/$f"), is_file("$d/$f") ? '' : ' NOT A FILE');
}
$meta = json_decode(file_get_contents("$d/meta.json"), true);
echo "meta.json:\n";
foreach (['subject', 'from', 'fromName', 'receivedAt', 'receivedAtUtc', 'mimeFile'] as $k) {
    echo "  $k: ", json_encode($meta[$k]), "\n";
}
echo '  id matches the directory: ', json_encode($msgDirs[0] === '20240301T080000Z-' . substr(hash('sha256', $meta['id']), 0, 12)), "\n";
echo '  mimeSize = size of message.eml: ', json_encode($meta['mimeSize'] === filesize("$d/message.eml")), "\n";
foreach ($meta['attachments'] as $a) {
    $file = $a['file'] === null ? 'null' : (strlen($a['file']) > 40 ? substr($a['file'], 0, 9) . '…' . substr($a['file'], -9) : $a['file']);
    printf("  %s -> %s (%s, size %d, stored %s, %s)\n", json_encode(strlen($a['name']) > 40 ? substr($a['name'], 0, 9) . '…' : $a['name']),
        $file, $a['contentType'], $a['size'], json_encode($a['storedSize']), $a['kind']);
    if ($a['file'] !== null && filesize("$d/{$a['file']}") !== $a['storedSize']) {
        echo "    stored size differs\n";
    }
}
?>
--EXPECT--
exit 0 ""
fetching 1 message…
[1/1] imported  Hostile  names [31m
imported 1, failed 0, deferred 0, vanished 0, resumed 0 in N s
temp dir: ["cc.ini","out","store-cc"]
out: ["20240301T080000Z-HASH"]
files:
  Rechnung-Rec…-Rechnun.pdf (200 B)  1003 bytes
  SCAN (2).pdf                    1007 bytes
  _                               1015 bytes
  _.._boot.ini                    1016 bytes
  _._etc_passwd                   1001 bytes
  _CON.txt                        1013 bytes
  a_b_c.pdf                       1002 bytes
  attachment-14                   1014 bytes
  attachment-9                    1009 bytes
  bashrc                          1012 bytes
  in__voice_.pdf                  1005 bytes
  message (2).eml                 1011 bytes
  message.eml                    26200 bytes
  meta (2).json                   1010 bytes
  meta.json                       5214 bytes
  scan (3).pdf                    1008 bytes
  scan.pdf                        1006 bytes
  x_y.pdf                         1004 bytes
meta.json:
  subject: "Hostile\r\nnames\u001b[31m"
  from: "mallory@evil.example"
  fromName: "Mallory"
  receivedAt: 1709280000
  receivedAtUtc: "2024-03-01T08:00:00Z"
  mimeFile: "message.eml"
  id matches the directory: true
  mimeSize = size of message.eml: true
  "..\/..\/etc\/passwd" -> _._etc_passwd (application/pdf, size 1001, stored 1001, file)
  "a\/b\\c.pdf" -> a_b_c.pdf (application/pdf, size 1002, stored 1002, file)
  "Rechnung-\u2026" -> Rechnung-…chnun.pdf (application/pdf, size 1003, stored 1003, file)
  "x\ufffdy.pdf" -> x_y.pdf (application/pdf, size 1004, stored 1004, file)
  "in\r\nvoice\t.pdf" -> in__voice_.pdf (application/pdf, size 1005, stored 1005, file)
  "scan.pdf" -> scan.pdf (application/pdf, size 1006, stored 1006, file)
  "SCAN.pdf" -> SCAN (2).pdf (application/pdf, size 1007, stored 1007, file)
  "scan.pdf" -> scan (3).pdf (application/pdf, size 1008, stored 1008, file)
  "" -> attachment-9 (application/pdf, size 1009, stored 1009, file)
  "meta.json" -> meta (2).json (application/json, size 1010, stored 1010, file)
  "message.eml" -> message (2).eml (message/rfc822, size 1011, stored 1011, file)
  ".bashrc" -> bashrc (text/plain, size 1012, stored 1012, file)
  "CON.txt" -> _CON.txt (text/plain, size 1013, stored 1013, file)
  ".." -> attachment-14 (application/pdf, size 1014, stored 1014, file)
  "\/" -> _ (application/pdf, size 1015, stored 1015, file)
  "..\\..\\boot.ini" -> _.._boot.ini (text/plain, size 1016, stored 1016, file)
  "Budget.xlsx" -> null (, size 512, stored null, reference)