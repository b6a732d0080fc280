<?php
declare(strict_types=1);

namespace MockTenant;

/**
 * Error bodies in the two shapes Microsoft uses.
 *
 * Graph (GRAPH-FACTS §5): {"error":{"code","message","innerError":{"date" (no zone),
 * "request-id","client-request-id"}}} with the OData JSON content type.
 * Identity platform (GRAPH-FACTS §1.5): {"error","error_description":"AADSTSn: text\r\n
 * Trace ID: …\r\nCorrelation ID: …\r\nTimestamp: …Z","error_codes":[n],"timestamp",
 * "trace_id","correlation_id","error_uri"[,"suberror"]}.
 */
final class Errors
{
    /** @param array<string, mixed> $innerExtra */
    public static function graph(Context $ctx, int $status, string $code, string $message, array $innerExtra = []): Response
    {
        $inner = $innerExtra + [
            'date' => $ctx->clock->graphDate(),
            'request-id' => $ctx->requestId,
            'client-request-id' => $ctx->clientRequestId,
        ];
        return Response::json($status, ['error' => ['code' => $code, 'message' => $message, 'innerError' => $inner]]);
    }

    public static function itemNotFound(Context $ctx): Response
    {
        return self::graph($ctx, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    }

    /** A well-known folder name the mailbox has no folder for (Exchange's ErrorFolderNotFound). */
    public static function folderNotFound(Context $ctx): Response
    {
        return self::graph($ctx, 404, 'ErrorFolderNotFound', 'The specified folder could not be found in the store.');
    }

    public static function malformedId(Context $ctx): Response
    {
        return self::graph($ctx, 400, 'ErrorInvalidIdMalformed', 'Id is malformed.');
    }

    public static function accessDenied(Context $ctx): Response
    {
        return self::graph($ctx, 403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    }

    public static function badRequest(Context $ctx, string $message, string $code = 'BadRequest'): Response
    {
        return self::graph($ctx, 400, $code, $message);
    }

    /** The 401 Graph sends for a missing/invalid/expired bearer token (GRAPH-FACTS §2). */
    public static function unauthenticated(Context $ctx, string $message): Response
    {
        $r = self::graph($ctx, 401, 'InvalidAuthenticationToken', $message);
        $r->header('WWW-Authenticate', sprintf('Bearer realm="", authorization_uri="%s/common/oauth2/authorize", '
            . 'client_id="00000003-0000-0000-c000-000000000000"', $ctx->origin));
        return $r;
    }

    /** @return array<string, mixed> the identity platform's error object */
    public static function idpBody(Context $ctx, string $error, int $aadsts, string $text, ?string $suberror = null): array
    {
        $ts = $ctx->clock->idpTimestamp();
        $trace = Ids::guid();
        $corr = $ctx->request->header('client-request-id') ?? Ids::guid();
        $body = [
            'error' => $error,
            'error_description' => sprintf("AADSTS%d: %s\r\nTrace ID: %s\r\nCorrelation ID: %s\r\nTimestamp: %s",
                $aadsts, $text, $trace, $corr, $ts),
            'error_codes' => [$aadsts],
            'timestamp' => $ts,
            'trace_id' => $trace,
            'correlation_id' => $corr,
            'error_uri' => $ctx->origin . '/error?code=' . $aadsts,
        ];
        if ($suberror !== null) {
            $body['suberror'] = $suberror;
        }
        return $body;
    }

    public static function idp(Context $ctx, int $status, string $error, int $aadsts, string $text, ?string $suberror = null): Response
    {
        $r = Response::json($status, self::idpBody($ctx, $error, $aadsts, $text, $suberror), 'application/json; charset=utf-8');
        $r->json = false;  // the token endpoint's errors are not gzip-negotiated here
        $r->header('Cache-Control', 'no-store, no-cache');
        $r->header('Pragma', 'no-cache');
        return $r;
    }

    /** The HTML error page /authorize shows when it cannot redirect (bad client_id or redirect_uri). */
    public static function idpPage(Context $ctx, int $status, int $aadsts, string $text): Response
    {
        $h = fn (string $s) => htmlspecialchars($s, ENT_QUOTES);
        $html = '<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body>'
            . '<div id="error"><h1>Sign in</h1><p>Sorry, but we\'re having trouble signing you in.</p>'
            . '<p id="error-code">AADSTS' . $aadsts . ': ' . $h($text) . '</p>'
            . '<dl><dt>Request Id</dt><dd id="request-id">' . $h($ctx->requestId) . '</dd>'
            . '<dt>Correlation Id</dt><dd>' . $h(Ids::guid()) . '</dd>'
            . '<dt>Timestamp</dt><dd>' . $h($ctx->clock->idpTimestamp()) . '</dd></dl></div></body></html>';
        return Response::html($status, $html);
    }
}
