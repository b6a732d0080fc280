<?php
declare(strict_types=1);

namespace MockTenant;

/** Per-request environment: state, clock, ids, own origin and the bits the log needs. */
final class Context
{
    public readonly string $requestId;
    public readonly string $clientRequestId;
    public ?string $tokenHash = null;
    public ?string $tokenKind = null;
    public ?string $grantType = null;
    /** @var array<string, mixed>|null what a token request carried, without a secret (RequestLog token_request) */
    public ?array $tokenRequest = null;
    /** @var list<string> */
    public array $faultNotes = [];
    /** @var null|callable(): void releases the mailbox concurrency slot */
    public $releaseSlot = null;
    /**
     * For a $batch member: whether its lane of the batch's fan-out holds a slot of the mailbox
     * (the batch takes the slots, not the member; see Batch::lane()).
     * @var null|callable(string $app, array $user, ?string $tokenUser): bool
     */
    public $batchLane = null;
    private int $latencyMs;

    public function __construct(
        public readonly State $state,
        public readonly Clock $clock,
        public readonly Request $request,
        public readonly string $origin,     // "http://127.0.0.1:PORT", from the Host header
        int $latencyMs = 0,
        ?string $requestId = null,
    ) {
        $this->requestId = $requestId ?? Ids::guid();
        // Graph echoes the caller's client-request-id, or makes one (GRAPH-FACTS §7).
        $this->clientRequestId = $request->header('client-request-id') ?? $this->requestId;
        $this->latencyMs = $latencyMs;
    }

    public function graphBase(): string
    {
        return $this->origin . '/v1.0';
    }

    /**
     * Sleep the injected latency once per HTTP request. Graph calls this while
     * it holds the mailbox slot, so a client with more than 4 requests in
     * flight is throttled as it would be by a slow real mailbox.
     */
    public function consumeLatency(): void
    {
        if ($this->latencyMs > 0) {
            usleep($this->latencyMs * 1000);
            $this->latencyMs = 0;
        }
    }

    public function release(): void
    {
        if ($this->releaseSlot !== null) {
            $fn = $this->releaseSlot;
            $this->releaseSlot = null;
            $fn();
        }
    }

    /** Context for a $batch member: same token and clock, no latency of its own. */
    public function forMember(Request $member): self
    {
        $c = new self($this->state, $this->clock, $member, $this->origin, 0);
        return $c;
    }
}
