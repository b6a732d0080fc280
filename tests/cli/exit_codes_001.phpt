--TEST--
sqzgraph exit codes as the help says, path by path: a missing INI file, a usage mistake before the INI is read (64), authorize of a client_credentials mailbox and of an unknown sign-in (2), a mailbox not signed in (status, import: 2, with the command to run, never a web page's button), an import --target that cannot be created (1), a mailbox that does not exist (2), another run holding the mailbox (1), the token endpoint unreachable (1), a Store that cannot be opened (1)
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc';
if (!class_exists('SqzGraph\Importer')) die('skip SqzGraph\Importer not built yet'); ?>
--FILE--
<?php
require __DIR__ . '/cli.inc';
$t = MockTenant::start('basic');
$dir = sqz_tmp('cli');
$ccOptions = ['flow' => 'client_credentials', 'redirect_uri' => null, 'mailbox' => ADMIN];
$cc = cli_ini($t, $dir, 'cc', $ccOptions);
$del = cli_ini($t, $dir, 'del');
$nobody = cli_ini($t, $dir, 'nobody', ['mailbox' => 'nobody@contoso.example'] + $ccOptions);
$drop = cli_ini($t, $dir, 'drop', $ccOptions);
file_put_contents("$dir/not-a-dir", "a file\n");
$badStore = cli_ini($t, $dir, 'badstore', ['store_dir' => 'not-a-dir'] + $ccOptions);
$show = function (array $args, ?string $only = null) use ($dir, $t): void {
    [$rc, $out, $err] = cli($args);
    $lines = array_filter(explode("\n", $out . $err), fn ($l) => $l !== '' && ($only === null || preg_match($only, $l)));
    printf("%s => %d\n  %s\n", str_replace($dir, 'DIR', implode(' ', $args)), $rc, preg_replace(['/request-id [0-9a-f-]{36}/', '/ in [\d.]+ s/'],
        ['request-id RID', ' in N s'], cli_norm(implode("\n  ", $lines), $dir, $t)));
};
$show(['status', '--config', "$dir/missing.ini"]);
$show(['authorize', '--config', "$dir/missing.ini", '--redirect', '-', '--print-url']);
$show(['authorize', '--config', $cc]);
$show(['authorize', '--config', $del, '--redirect', REDIRECT . '?code=abc&state=unknown']);
$show(['status', '--config', $del], '/^(needs reauthorization|reason|to do):/');
$show(['import', '--config', $del, '--target', "$dir/out"]);
$show(['import', '--config', $cc, '--target', "$dir/not-a-dir/out"]);
$show(['import', '--config', $nobody, '--target', "$dir/out"]);
[$auth, $store] = cli_auth($t, $dir, 'cc', $ccOptions);
$fp = (new SqzGraph\Config(array_diff_key(sqz_options($t, $ccOptions), ['store_dir' => 1])))->fingerprint();
echo 'the test holds the import lock: ', json_encode($store->lock("import:$fp", 0)), "\n";
$show(['import', '--config', $cc, '--target', "$dir/out"]);
$store->unlock("import:$fp");
// the token endpoint closes the connection without an answer (max_retries = 0)
$t->fault(['method' => 'POST', 'path' => '/oauth2/v2.0/token', 'action' => 'drop', 'times' => 1]);
$show(['import', '--config', $drop, '--target', "$dir/out"]);
$show(['status', '--config', $badStore]);
$show(['test-connection', '--config', $badStore]);
$show(['refresh-tokens', '--config', $cc, '--config', "$dir/missing.ini", '--parallel', '1']);
echo 'inbox: ', count($t->messagesIn(ADMIN, 'inbox')), ', nothing in Error: ', count($t->messagesIn(ADMIN, 'Error')), "\n";
?>
--EXPECT--
status --config DIR/missing.ini => 2
  sqzgraph: DIR/missing.ini: cannot read the file
authorize --config DIR/missing.ini --redirect - --print-url => 64
  sqzgraph: authorize: --redirect finishes a sign-in; it does not combine with --print-url, --login-hint or --prompt
authorize --config DIR/cc.ini => 2
  sqzgraph: authorize: DIR/cc.ini uses flow = client_credentials: nobody signs in, the extension gets its tokens with the client secret or certificate; check them with `sqzgraph test-connection --config DIR/cc.ini`
authorize --config DIR/del.ini --redirect http://127.0.0.1:8123/api/v2/importers/email/authenticate/end?code=abc&state=unknown => 2
  sqzgraph: this authorization is unknown or was already completed (a state is valid once, for 10 minutes, in the Store where it started): run `sqzgraph authorize --config DIR/del.ini` again
status --config DIR/del.ini => 2
  needs reauthorization:    yes
  reason:                   not_authorized
  to do:                    run `sqzgraph authorize --config DIR/del.ini`
import --config DIR/del.ini --target DIR/out => 2
  sqzgraph: this mailbox has not been authorized yet: run `sqzgraph authorize --config DIR/del.ini`
import --config DIR/cc.ini --target DIR/not-a-dir/out => 1
  sqzgraph: import: cannot create the --target directory DIR/not-a-dir/out (Not a directory); check the path, the space and the permissions, then run again (the messages stay in the Inbox)
import --config DIR/nobody.ini --target DIR/out => 2
  sqzgraph: Graph GET /users/nobody%40contoso.example/mailFolders failed: HTTP 404 ErrorInvalidUser: The requested user 'nobody@contoso.example' is invalid. — the mailbox address is unknown in this tenant; check the mailbox option (request-id RID)
the test holds the import lock: true
import --config DIR/cc.ini --target DIR/out => 1
  imported 0, failed 0, deferred 0, vanished 0, resumed 0 in N s; another run of this mailbox holds the lock, try again later
import --config DIR/drop.ini --target DIR/out => 1
  sqzgraph: token request to MOCK: POST /7d3c1e52-5b7a-4b1f-9a62-2f1a4c0e8b11/oauth2/v2.0/token failed: Empty reply from server (curl error 52)
status --config DIR/badstore.ini => 1
  sqzgraph: cannot use DIR/not-a-dir as the FileStore directory: DIR/not-a-dir is a file, not a directory
test-connection --config DIR/badstore.ini => 1
  sqzgraph: cannot use DIR/not-a-dir as the FileStore directory: DIR/not-a-dir is a file, not a directory
refresh-tokens --config DIR/cc.ini --config DIR/missing.ini --parallel 1 => 2
  DIR/cc.ini: refreshed (expires TIME)
  DIR/missing.ini: error: cannot read the file
inbox: 5, nothing in Error: 0