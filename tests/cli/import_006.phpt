--TEST--
sqzgraph import: when the target cannot be written (here: a file in the way of a message's directory) the run stops with exit 1 and says what to do; that message and the rest stay in the Inbox, none goes to Error, nothing half-written is left; the next run finishes
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
if (!class_exists('SqzGraph\Importer')) die('skip SqzGraph\Importer not built yet'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$t = MockTenant::start('basic');
$dir = sqz_tmp('cli');
$ini = cli_ini($t, $dir, 'cc', ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN]);
$inbox = $t->messagesIn(ADMIN, 'inbox');
$second = gmdate('Ymd\THis\Z', strtotime($inbox[1]['received'])) . '-' . substr(hash('sha256', $inbox[1]['immutable_id']), 0, 12);
mkdir("$dir/out");
file_put_contents("$dir/out/$second", 'a file where the directory of Invoice 2 goes');
[$rc, $out, $err] = cli(['import', '--config', $ini, '--target', "$dir/out"]);
echo "exit $rc\n", $out, 'stderr: ', str_replace([$dir, $second], ['DIR', 'NAME'], $err);
echo 'target: ', json_encode(array_values(array_map(fn ($e) => $e === $second ? 'NAME (the file)' : (is_dir("$dir/out/$e") ? 'a directory' : $e),
    array_diff(scandir("$dir/out"), ['.', '..'])))), "\n";
foreach (['inbox', 'Exported', 'Error'] as $f) {
    echo "$f: ", implode(', ', array_column($t->messagesIn(ADMIN, $f), 'subject')), "\n";
}
echo "--- the file removed: the next run finishes Invoice 1's move (its handler ran) and imports the rest\n";
unlink("$dir/out/$second");
[$rc, $out, $err] = cli(['import', '--config', $ini, '--target', "$dir/out"]);
echo "exit $rc ", json_encode($err), "\n", preg_replace('/ in [\d.]+ s \([\d.]+ messages\/s\)/', ' in N s', $out);
echo 'directories: ', count(glob("$dir/out/*", GLOB_ONLYDIR)), ', hidden leftovers: ', count(glob("$dir/out/.*", GLOB_ONLYDIR)) - 2, "\n";
?>
--EXPECT--
exit 1
fetching 5 messages…
stderr: sqzgraph: import: cannot rename DIR/out/.NAME.partial to DIR/out/NAME (rename(DIR/out/.NAME.partial,DIR/out/NAME): Not a directory); check the space and permissions of the --target directory, then run again (the messages stay in the Inbox)
target: ["a directory","NAME (the file)"]
inbox: Invoice 1, Invoice 2, Invoice 3, No attachment, 50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf
Exported: 
Error: 
--- the file removed: the next run finishes Invoice 1's move (its handler ran) and imports the rest
exit 0 ""
[1/5] resumed   Invoice 1
fetching 4 messages…
[2/5] imported  Invoice 2
[3/5] imported  Invoice 3
[4/5] imported  No attachment
[5/5] imported  50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf
imported 4, failed 0, deferred 0, vanished 0, resumed 1 in N s
directories: 5, hidden leftovers: 0