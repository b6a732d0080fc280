--TEST--
Exception accessors: defaults when constructed from PHP, catchable by the marker
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; ?>
--FILE--
<?php
use SqzGraph\{ConfigException, StoreException, TransportException, GraphException, ThrottledException,
    AuthorizationException, ReauthenticationRequiredException, FolderNotFoundException,
    AmbiguousFolderException, RetryLaterException};

var_dump((new ConfigException('c'))->key());
var_dump((new StoreException('s'))->key());
var_dump((new TransportException('t'))->curlCode());
$g = new GraphException('g', 7);
var_dump($g->statusCode(), $g->graphCode(), $g->requestId(), $g->getCode());
$t = new ThrottledException('t');
var_dump($t->retryAfter(), $t->statusCode());
$a = new AuthorizationException('a');
var_dump($a->error(), $a->errorCode(), $a->description());
$r = new ReauthenticationRequiredException('r');
var_dump($r->reason(), $r->error());
var_dump((new FolderNotFoundException('f'))->closest());
var_dump((new AmbiguousFolderException('f'))->candidates());

try {
    throw new RetryLaterException('later', 0, new RuntimeException('cause'));
} catch (SqzGraph\Exception $e) {
    echo get_class($e), ': ', $e->getMessage(), ' <- ', $e->getPrevious()->getMessage(), "\n";
}
// Handlers may subclass RetryLaterException (it is not final).
class MyLater extends RetryLaterException {}
try {
    throw new MyLater('mine');
} catch (RetryLaterException $e) {
    echo get_class($e), "\n";
}
--EXPECT--
NULL
NULL
int(0)
int(0)
NULL
NULL
int(7)
float(0)
int(0)
NULL
NULL
NULL
string(14) "not_authorized"
NULL
array(0) {
}
array(0) {
}
SqzGraph\RetryLaterException: later <- cause
MyLater
