--TEST--
Mailbox::testConnection(): a clock more than 60 s off Graph's Date header fails the clock check with the skew in seconds; the rest stays ok
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$m = mb_cc_mailbox($t, ADMIN);
foreach ([120, -300, 45] as $offset) {
    $t->setClockOffset($offset);             // Graph's clock = this host's + offset
    $r = $m->testConnection();
    $c = $r['checks']['clock'];
    printf("Graph %+d s: ok=%s, clock ok=%s, skew %s, others ok=%s\n  %s%s\n", $offset, json_encode($r['ok']), json_encode($c['ok']),
        abs($c['skew'] + $offset) <= 2 ? 'matches' : $c['skew'],
        json_encode(array_values(array_unique(array_column(array_diff_key($r['checks'], ['clock' => 1]), 'ok')))),
        preg_replace('/is \d+ s/', 'is N s', $c['detail']), isset($c['hint']) ? "\n  hint: {$c['hint']}" : '');
}
?>
--EXPECT--
Graph +120 s: ok=false, clock ok=false, skew matches, others ok=[true]
  this server's clock is N s behind Graph's
  hint: synchronise this server's clock (NTP): token expiry decisions depend on it
Graph -300 s: ok=false, clock ok=false, skew matches, others ok=[true]
  this server's clock is N s ahead of Graph's
  hint: synchronise this server's clock (NTP): token expiry decisions depend on it
Graph +45 s: ok=true, clock ok=true, skew matches, others ok=[true]
  this server's clock is N s behind Graph's
