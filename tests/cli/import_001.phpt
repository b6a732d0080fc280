--TEST--
sqzgraph import: one directory per message (named by receivedAt and a hash of the id) with message.eml (byte for byte the MIME), its attachments under their names and meta.json; one plain line per message when stdout is no terminal; messages move to Exported; a second run finds nothing
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
if (!class_exists('SqzGraph\Mailbox') || !class_exists('SqzGraph\Importer')) die('skip SqzGraph\Importer not built yet'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$t = MockTenant::start('basic');
$dir = sqz_tmp('cli');
$ini = cli_ini($t, $dir, 'cc', ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN]);
$inbox = $t->messagesIn(ADMIN, 'inbox');
[$rc, $out, $err] = cli(['import', '--config', $ini, '--target', "$dir/out"]);
echo "exit $rc, stderr ", json_encode($err), "\n";
echo preg_replace('/ in [\d.]+ s \([\d.]+ messages\/s\)/', ' in N s (R messages/s)', $out);
$dirs = glob("$dir/out/*", GLOB_ONLYDIR);
echo 'directories: ', count($dirs), "\n";
$mime = array_map(fn ($d) => hash_file('sha256', "$d/message.eml"), $dirs);
sort($mime);
$want = array_column($inbox, 'mime_sha256');
sort($want);
echo 'MIME byte for byte: ', json_encode($mime === $want), "\n";
foreach ($dirs as $d) {
    $meta = json_decode(file_get_contents("$d/meta.json"), true);
    $files = array_values(array_diff(scandir($d), ['.', '..']));
    printf("%s: name ok %s, files %s, attachments %s\n", $meta['subject'],
        json_encode(basename($d) === gmdate('Ymd\THis\Z', $meta['receivedAt']) . '-' . substr(hash('sha256', $meta['id']), 0, 12)),
        json_encode($files, JSON_UNESCAPED_UNICODE), json_encode(array_column($meta['attachments'], 'file'), JSON_UNESCAPED_UNICODE));
}
// the whole meta.json of Invoice 1, its ids checked against the tenant's
$first = $inbox[0];
$d = "$dir/out/" . gmdate('Ymd\THis\Z', strtotime($first['received'])) . '-' . substr(hash('sha256', $first['immutable_id']), 0, 12);
$json = file_get_contents("$d/meta.json");
$meta = json_decode($json, true);
echo 'Invoice 1 meta.json ids: ', json_encode($meta['id'] === $first['immutable_id'] && $meta['internetMessageId'] === $first['internet_message_id']), "\n";
echo str_replace([json_encode($first['immutable_id'], JSON_UNESCAPED_SLASHES), json_encode($first['internet_message_id'], JSON_UNESCAPED_SLASHES)],
    ['"ID"', '"IMID"'], $json);
echo 'nothing else in the target: ', json_encode(array_values(array_diff(scandir("$dir/out"), ['.', '..'], array_map('basename', $dirs)))), "\n";
echo 'inbox now: ', count($t->messagesIn(ADMIN, 'inbox')), ', exported: ', count($t->messagesIn(ADMIN, 'Exported')), "\n";
[$rc, $out] = cli(['import', '--config', $ini, '--target', "$dir/out"]);
echo "second run: $rc ", preg_replace('/ in [\d.]+ s/', ' in N s', $out);
[$rc, , $err] = cli(['import', '--config', $ini]);
echo "no --target: $rc ", trim($err), "\n";
?>
--EXPECT--
exit 0, stderr ""
fetching 5 messages…
[1/5] imported  Invoice 1
[2/5] imported  Invoice 2
[3/5] imported  Invoice 3
[4/5] imported  No attachment
[5/5] imported  50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf
imported 5, failed 0, deferred 0, vanished 0, resumed 0 in N s (R messages/s)
directories: 5
MIME byte for byte: true
Invoice 1: name ok true, files ["invoice-1.pdf","message.eml","meta.json"], attachments ["invoice-1.pdf"]
Invoice 2: name ok true, files ["invoice-2.pdf","message.eml","meta.json"], attachments ["invoice-2.pdf"]
Invoice 3: name ok true, files ["invoice-3.pdf","message.eml","meta.json"], attachments ["invoice-3.pdf"]
No attachment: name ok true, files ["message.eml","meta.json"], attachments []
50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf: name ok true, files ["50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829.pdf","message.eml","meta.json"], attachments ["50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829.pdf"]
Invoice 1 meta.json ids: true
{
    "id": "ID",
    "internetMessageId": "IMID",
    "subject": "Invoice 1",
    "from": "billing@fabrikam.example",
    "fromName": "Fabrikam Billing",
    "receivedAt": 1704448860,
    "receivedAtUtc": "2024-01-05T10:01:00Z",
    "size": 4800,
    "mimeFile": "message.eml",
    "mimeSize": 4800,
    "attachments": [
        {
            "name": "invoice-1.pdf",
            "file": "invoice-1.pdf",
            "contentType": "application/pdf",
            "size": 3001,
            "storedSize": 3001,
            "isInline": false,
            "kind": "file"
        }
    ]
}
nothing else in the target: []
inbox now: 0, exported: 5
second run: 0 imported 0, failed 0, deferred 0, vanished 0, resumed 0 in N s
no --target: 64 sqzgraph: import: --target DIR is required
