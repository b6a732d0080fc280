--TEST--
sqzgraph INI files: verbatim values (a secret with ~ and !), typed numbers, list and map options, *_file options, relative paths, empty = not set; mistakes name the key; a world-readable INI with a secret, or a world-readable client_secret_file / encryption_key_file, is warned about
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$t = MockTenant::start('basic');
$dir = sqz_tmp('cli');
$weird = 'Sq~weird!secret|with&ops^and;semi"quote';
$t->updateApp(CLIENT, ['secrets' => [['value' => SECRET], ['value' => $weird]]]);
mkdir("$dir/secrets", 0700);
file_put_contents("$dir/secrets/client", SECRET . "\n");
file_put_contents("$dir/secrets/key", "an-encryption-key-of-some-length\n");
chmod("$dir/secrets/client", 0600);
chmod("$dir/secrets/key", 0600);

// everything typed and shaped as the Config wants it; status must not raise a ConfigException
$ini = cli_ini($t, $dir, 'full', [
    'client_secret' => null, 'client_secret_file' => 'secrets/client', 'encryption_key_file' => 'secrets/key',
    'max_retries' => '2', 'timeout' => '5.5', 'connect_timeout' => '3', 'max_retry_wait' => '30', 'concurrency' => '2',
    'client_secret_expires' => '2099-01-01', 'mailbox' => '', 'ca_file' => '',
    'scopes' => ['openid', 'profile', 'offline_access', $t->baseUrl . '/Mail.ReadWrite'],
    'folders' => ['inbox' => 'Posteingang', 'exported' => 'Inbox/Done', 'error' => 'Fehler'],
]);
[$rc, $out, $err] = cli(['status', '--config', $ini]);
echo "typed INI: $rc ", json_encode(str_contains($out, 'reason:                   not_authorized')), ' stderr ', json_encode($err), "\n";
// sign in through the CLI: the record is sealed with the key from the file
[$rc, $out] = cli(['authorize', '--config', $ini, '--print-url']);
[$rc, $out, $err] = cli(['authorize', '--config', $ini, '--redirect', $t->authorizeAuto(trim($out))]);
echo "authorize: $rc ", trim($err), "\n";
$raw = (new SqzGraph\FileStore("$dir/store-full"))->get('token');
echo 'sealed with encryption_key_file: ', json_encode($raw !== null && json_decode($raw) === null), "\n";
$same = new SqzGraph\Authenticator(new SqzGraph\Config(sqz_options($t, ['encryption_key' => 'an-encryption-key-of-some-length',
    'scopes' => ['openid', 'profile', 'offline_access', $t->baseUrl . '/Mail.ReadWrite']])), new SqzGraph\FileStore("$dir/store-full"));
echo 'same Config in PHP reads it: ', json_encode($same->status()->authorized), "\n";

// a secret with INI operators and quotes, verbatim (quoted in the file)
$w = cli_ini($t, $dir, 'weird', ['client_secret' => null]);
file_put_contents($w, "client_secret = \"" . str_replace('"', '', $weird) . "\"\n", FILE_APPEND);
$t->updateApp(CLIENT, ['secrets' => [['value' => SECRET], ['value' => str_replace('"', '', $weird)]]]);
$w2 = cli_ini($t, $dir, 'weird2', ['client_secret' => 'Sq~weird!secret|with&ops^and']);
$t->updateApp(CLIENT, ['secrets' => [['value' => SECRET], ['value' => str_replace('"', '', $weird)], ['value' => 'Sq~weird!secret|with&ops^and']]]);
foreach (['quoted' => $w, 'unquoted' => $w2] as $label => $f) {
    [$rc, $out] = cli(['authorize', '--config', $f, '--print-url']);
    [$rc, $out, $err] = cli(['authorize', '--config', $f, '--redirect', $t->authorizeAuto(trim($out))]);
    echo "$label secret with ~ ! | & ^: $rc ", trim($err), "\n";
}

// mistakes
$cases = [
    'typo' => ['tenantid' => TENANT],
    'not a number' => ['max_retries' => 'abc'],
    'seconds' => ['timeout' => 'soon'],
    'no store_dir' => ['store_dir' => null],
    'unreadable secret file' => ['client_secret' => null, 'client_secret_file' => 'secrets/nope'],
    'bad value' => ['redirect_uri' => 'http://squeeze.example.com/cb'],
    'logger' => ['logger' => 'var_dump'],
];
foreach ($cases as $label => $extra) {
    $f = cli_ini($t, $dir, 'bad', $extra);
    [$rc, $out, $err] = cli(['status', '--config', $f]);
    printf("%-24s %d %s\n", $label, $rc, cli_norm(trim($err), $dir, $t));
}
file_put_contents("$dir/nosection.ini", "flow = delegated\n");
[$rc, , $err] = cli(['status', '--config', "$dir/nosection.ini"]);
printf("%-24s %d %s\n", 'no section', $rc, cli_norm(trim($err), $dir));
[$rc, , $err] = cli(['status', '--config', "$dir/missing.ini"]);
printf("%-24s %d %s\n", 'missing file', $rc, cli_norm(trim($err), $dir));
file_put_contents("$dir/syntax.ini", "[sqzgraph\nflow = delegated\n");
[$rc, , $err] = cli(['status', '--config', "$dir/syntax.ini"]);
printf("%-24s %d %s\n", 'syntax error', $rc, str_contains($err, 'not a valid INI file') ? 'not a valid INI file' : $err);

// world-readable with a secret inside: a warning on stderr, still works
$open = cli_ini($t, $dir, 'open');
chmod($open, 0644);
[$rc, $out, $err] = cli(['status', '--config', $open]);
echo "world-readable: $rc ", cli_norm(trim($err), $dir), "\n";
$openFile = cli_ini($t, $dir, 'openfile', ['client_secret' => null, 'client_secret_file' => 'secrets/client']);
chmod($openFile, 0644);
[$rc, $out, $err] = cli(['status', '--config', $openFile]);
echo "world-readable, secret in a file: $rc ", json_encode($err), "\n";
// the secret file itself world-readable (group-readable is not warned about: a group may be meant)
chmod("$dir/secrets/client", 0644);
chmod("$dir/secrets/key", 0640);
[$rc, $out, $err] = cli(['status', '--config', $ini]);
echo "world-readable secret file: $rc ", cli_norm(trim($err), $dir), "\n";
chmod("$dir/secrets/key", 0604);
[$rc, $out, $err] = cli(['status', '--config', $ini]);
echo "and the key file: $rc ", cli_norm(trim($err), $dir), "\n";
?>
--EXPECTF--
typed INI: 2 true stderr ""
authorize: 0 
sealed with encryption_key_file: true
same Config in PHP reads it: true
quoted secret with ~ ! | & ^: 0 
unquoted secret with ~ ! | & ^: 0 
typo                     2 sqzgraph: DIR/bad.ini: %stenantid%stenant_id%s
not a number             2 sqzgraph: DIR/bad.ini: max_retries must be a whole number, got 'abc'
seconds                  2 sqzgraph: DIR/bad.ini: timeout must be a number of seconds, got 'soon'
no store_dir             2 sqzgraph: DIR/bad.ini: store_dir is required (a directory of its own for this mailbox's token record), or store_dsn = DSN for a table in a database that several hosts share (sqzgraph help ini)
unreadable secret file   2 sqzgraph: DIR/bad.ini: client_secret_file: cannot read DIR/secrets/nope
bad value                2 sqzgraph: DIR/bad.ini: redirect_uri%s
logger                   2 sqzgraph: DIR/bad.ini: logger cannot be set in an INI file (use --verbose)
no section               2 sqzgraph: DIR/nosection.ini: no [sqzgraph] section
missing file             2 sqzgraph: DIR/missing.ini: cannot read the file
syntax error             2 not a valid INI file
world-readable: 2 sqzgraph: warning: DIR/open.ini is readable by every user and holds client_secret; chmod 600 it or use client_secret_file
world-readable, secret in a file: 2 ""
world-readable secret file: 0 sqzgraph: warning: DIR/secrets/client is readable by every user and holds client_secret; chmod 600 DIR/secrets/client (owned by the user the jobs run as)
and the key file: 0 sqzgraph: warning: DIR/secrets/client is readable by every user and holds client_secret; chmod 600 DIR/secrets/client (owned by the user the jobs run as)
sqzgraph: warning: DIR/secrets/key is readable by every user and holds encryption_key; chmod 600 DIR/secrets/key (owned by the user the jobs run as)
