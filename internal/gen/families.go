package gen

// family is a kind of incident that recurs across an organisation, with the
// words its postmortems use. Templates may hold the slots {svc} (the main
// affected service), {dep} (a service it depends on), {team}, {n} (a
// number), {region} and {vendor}.
type family struct {
	name       string
	titles     []string
	triggers   []string
	factors    []factor
	summaries  []string
	missing    []string
	unexpected []string
	actions    []string
	tags       []string
	// services this family tends to hit, besides random ones.
	services []string
}

type factor struct{ category, description string }

var families = []family{
	{
		name:     "certificate-expiry",
		titles:   []string{"Clients refused connections after the {svc} certificate expired", "{svc} unreachable after its TLS certificate expired", "Expired certificate on {dep} broke {svc} for {n} minutes", "mTLS handshake failures after a client certificate expired on {svc}"},
		triggers: []string{"The TLS certificate presented by {dep} for {svc} expired at {hh}:{mm} UTC.", "A client certificate used by {svc} to call {dep} expired.", "The intermediate certificate bundled with {svc} expired."},
		factors: []factor{
			{"automation", "The certificate was renewed by hand once a year, outside the cert-manager automation that renews every other certificate."},
			{"detection", "No alert watched the expiry date of the certificates served by {dep}; synthetic probes ran with TLS verification disabled."},
			{"process-runbook", "Renewal reminders from the certificate authority went to a distribution list that nobody read."},
			{"knowledge", "The renewal procedure lived in an old wiki page that named a CLI flag the current tool no longer accepts."},
		},
		summaries:  []string{"The certificate that {dep} presents for {svc} expired and every client that verifies certificates refused the TLS handshake. The team reissued the certificate and uploaded it by hand; traffic recovered after {n} minutes.", "An expired certificate stopped {svc} from calling {dep}. Renewal was a manual step nobody tracked, and the expiry alert watched a different certificate."},
		missing:    []string{"An inventory of every certificate served at the edge with its expiry date.", "An alert on certificate expiry for public endpoints.", "A current runbook for importing a certificate into {dep}."},
		unexpected: []string{"The synthetic probes stayed green because they did not verify certificates.", "A second copy of the certificate lived on a legacy load balancer that no list mentioned."},
		actions:    []string{"Issue the {svc} certificates through cert-manager and alert 21 days before expiry", "Verify TLS in every synthetic probe of a public endpoint", "Inventory every certificate served at the edge"},
		tags:       []string{"tls", "certificates", "expiry"},
		services:   []string{"edge-lb", "api-gateway", "payments-api", "ledger"},
	},
	{
		name:     "connection-pool",
		titles:   []string{"{svc} requests timed out when the database connection pool ran dry", "Connection pool exhaustion on {svc}", "{svc} stalled waiting for {dep} connections"},
		triggers: []string{"A slow query on {dep} held every connection of the {svc} connection pool.", "A deploy doubled the number of {svc} workers without raising the pool size for {dep}."},
		factors: []factor{
			{"capacity", "The connection pool of {svc} had {n} connections for several hundred workers, sized years ago."},
			{"dependency", "{dep} answered slowly during a vacuum, and every request held its connection longer."},
			{"detection", "Pool saturation was not graphed; the first signal was the error rate of {svc}."},
		},
		summaries:  []string{"A slow query held the connections of {svc}; the pool ran dry and requests timed out for {n} minutes until the query was cancelled.", "{svc} waited for connections to {dep} after a deploy raised the number of workers; requests queued and timed out."},
		missing:    []string{"A graph and an alert for connection pool saturation.", "A statement timeout on the reporting queries that share {dep}."},
		unexpected: []string{"Retries from the clients kept the pool saturated after the slow query ended."},
		actions:    []string{"Alert when the {svc} connection pool is above 80 % for five minutes", "Set a statement timeout for reporting queries on {dep}", "Move analytics reads to a replica of {dep}"},
		tags:       []string{"database", "connection-pool", "timeouts"},
		services:   []string{"ledger", "payments-api", "dispatch", "orders-db"},
	},
	{
		name:     "config-push",
		titles:   []string{"Config push to all regions at once broke {svc}", "A configuration change reached every region of {svc} in one step", "{svc} errors after a feature flag change in {region}"},
		triggers: []string{"A configuration change to {svc} was pushed to every region at once through {dep}.", "A feature flag for {svc} was switched on for all customers instead of one percent."},
		factors: []factor{
			{"configuration", "The config service applied changes to every region at once; there was no staged rollout for configuration."},
			{"tooling-ux", "The push form defaulted to all regions and showed no preview of what would change."},
			{"change", "The change had been tested in staging, where the flag had a different default."},
		},
		summaries:  []string{"A configuration push reached every region of {svc} at once and broke requests for {n} minutes until it was rolled back.", "A feature flag change for {svc} went to all customers at once; {dep} rejected the new payloads."},
		missing:    []string{"A staged rollout for configuration, region by region, with automatic rollback.", "A diff of the change in the push form."},
		unexpected: []string{"The rollback through the config service took longer than the push itself."},
		actions:    []string{"Roll out configuration region by region with a bake time", "Show a diff and the blast radius in the config push form", "Validate {svc} configuration against its schema before the push"},
		tags:       []string{"config", "rollout", "feature-flags"},
		services:   []string{"config-service", "routing-engine", "checkout-web", "api-gateway"},
	},
	{
		name:     "out-of-memory",
		titles:   []string{"{svc} killed for running out of memory during {event}", "OOM kills on {svc} after the data set grew", "{svc} crashed in a loop on memory limits"},
		triggers: []string{"{svc} loaded the whole data set into memory and was killed by the kernel.", "A larger input file during {event} pushed {svc} past its memory limit."},
		factors: []factor{
			{"capacity", "The memory limit of {svc} was set when the data set was a tenth of its size."},
			{"change", "A library upgrade changed how {svc} buffered records and doubled its memory use."},
			{"detection", "Memory use was graphed but nothing alerted before the first kill."},
		},
		summaries:  []string{"{svc} ran out of memory during {event} and restarted in a loop for {n} minutes; the team raised the limit and split the job.", "The nightly run of {svc} was killed for running out of memory, and the data in {dep} went stale."},
		missing:    []string{"A load test with production-sized data.", "An alert on memory approaching the container limit."},
		unexpected: []string{"The orchestrator restarted {svc} immediately, so the crash loop hid the cause for a while."},
		actions:    []string{"Stream records in {svc} instead of loading the whole set", "Alert when {svc} memory is above 85 % of its limit", "Load test {svc} with production-sized data before peak season"},
		tags:       []string{"memory", "oom", "capacity"},
		services:   []string{"warehouse-sync", "routing-engine", "analytics-pipeline", "search-indexer"},
	},
	{
		name:     "disk-full",
		titles:   []string{"{svc} stopped accepting writes when its disk filled up", "Disk full on the {svc} brokers", "{svc} backlog after a volume ran out of space"},
		triggers: []string{"The data volume of {svc} reached 100 % and the brokers stopped accepting writes.", "Log retention on {svc} was changed and the disk filled within hours."},
		factors: []factor{
			{"capacity", "Retention was set by time, not by size, and traffic had tripled since."},
			{"detection", "The disk alert fired at 95 %, minutes before the volume filled."},
			{"configuration", "A retention override from a past incident was never removed."},
		},
		summaries:  []string{"The disk of {svc} filled up and writes stopped for {n} minutes; producers backed up and {dep} saw stale data.", "{svc} stopped accepting messages when its volume filled; the team expanded the volume and cleared old segments."},
		missing:    []string{"Size-based retention with headroom.", "A forecast of disk use with an alert days ahead."},
		unexpected: []string{"Producers retried without backoff and made the backlog worse."},
		actions:    []string{"Set size-based retention on {svc}", "Alert on the forecast of disk use three days ahead", "Add backoff to producers of {svc}"},
		tags:       []string{"disk", "kafka", "retention"},
		services:   []string{"order-events", "metrics-store", "log-pipeline"},
	},
	{
		name:     "dns",
		titles:   []string{"DNS resolution timeouts inside the cluster broke {svc}", "{svc} failed to resolve {dep} after a node upgrade", "CoreDNS overload caused timeouts across {svc}"},
		triggers: []string{"CoreDNS pods were evicted during a node pool upgrade and lookups from {svc} timed out.", "A change to the search domains made every lookup from {svc} try five names first."},
		factors: []factor{
			{"change", "The node pool upgrade drained nodes faster than CoreDNS could reschedule."},
			{"capacity", "CoreDNS ran two replicas for a cluster that had grown to hundreds of nodes."},
			{"knowledge", "Few people knew that the ndots setting multiplied the lookups."},
		},
		summaries:  []string{"DNS lookups from {svc} timed out for {n} minutes after CoreDNS pods were evicted; requests to {dep} failed until the pods were back.", "A node upgrade left CoreDNS with too few replicas and {svc} could not resolve {dep}."},
		missing:    []string{"A pod disruption budget for CoreDNS.", "A DNS latency alert per cluster."},
		unexpected: []string{"Cached lookups hid the problem for some services and not for others."},
		actions:    []string{"Add a pod disruption budget and autoscaling for CoreDNS", "Alert on DNS lookup latency per cluster", "Lower ndots for {svc}"},
		tags:       []string{"dns", "kubernetes", "coredns"},
		services:   []string{"k8s-prod", "search-api", "catalog"},
	},
	{
		name:     "vendor-rate-limit",
		titles:   []string{"{vendor} rate limits rejected {svc} calls during a batch", "{svc} throttled by {vendor} after a refund batch", "{vendor} quota exhausted by {svc}"},
		triggers: []string{"A batch job in {svc} sent {n} thousand requests to {vendor} in ten minutes and hit its rate limit.", "The daily quota of {vendor} ran out at noon because {svc} retried failed calls."},
		factors: []factor{
			{"vendor", "{vendor} enforces a rate limit per account that {svc} shares with other jobs."},
			{"automation", "The batch job had no throttle and retried immediately on 429 responses."},
			{"knowledge", "The vendor's limits were in a contract appendix, not in the runbook."},
		},
		summaries:  []string{"A batch in {svc} hit the rate limit of {vendor} and live requests were rejected for {n} minutes.", "{svc} exhausted the {vendor} quota with retries; customers could not complete the flow until the quota reset."},
		missing:    []string{"A shared client with a throttle and a budget for each caller of {vendor}.", "A graph of quota use against the limit."},
		unexpected: []string{"The vendor answered 429 for live traffic too, not only for the batch."},
		actions:    []string{"Throttle batch calls to {vendor} below half of the limit", "Retry with exponential backoff and jitter", "Graph and alert on {vendor} quota use"},
		tags:       []string{"rate-limit", "vendor", "batch"},
		services:   []string{"payments-api", "notifications", "geocoding"},
	},
	{
		name:     "queue-backlog",
		titles:   []string{"{svc} backlog delayed {dep} during {event}", "Consumer lag on {svc} after a traffic spike", "{svc} messages processed hours late"},
		triggers: []string{"Traffic during {event} outgrew the consumers of {svc} and the backlog grew for hours.", "A consumer group of {svc} rebalanced in a loop after a deploy."},
		factors: []factor{
			{"capacity", "The consumers of {svc} did not autoscale on lag."},
			{"detection", "The lag alert paged so often that the on-call engineers had learned to silence it."},
			{"process-runbook", "The runbook for lag said to restart consumers, which triggered more rebalances."},
		},
		summaries:  []string{"During {event} the backlog of {svc} grew faster than the consumers could process it and {dep} worked on data {n} minutes old.", "A rebalance loop stopped the consumers of {svc}; messages piled up until the group was restarted with a longer session timeout."},
		missing:    []string{"Autoscaling of consumers on lag.", "A lag alert that fires only when the lag is actionable."},
		unexpected: []string{"Restarting consumers made the rebalance loop worse."},
		actions:    []string{"Autoscale the consumers of {svc} on lag", "Tune the lag alert so that it pages only when action is needed", "Rewrite the {svc} lag runbook"},
		tags:       []string{"queue", "lag", "backlog"},
		services:   []string{"order-events", "dispatch", "notifications"},
	},
	{
		name:     "alert-fatigue",
		titles:   []string{"Noisy {svc} alert paged all night and hid a real problem", "{n} pages in one week from the {svc} lag alert", "Alert fatigue on the {team} rotation"},
		triggers: []string{"The {svc} lag alert fired {n} times overnight; the page that mattered was acknowledged with the others.", "A flapping alert on {svc} paged every few minutes for a week."},
		factors: []factor{
			{"detection", "The alert threshold was static and fired on every evening peak."},
			{"process-runbook", "No one owned the review of noisy alerts."},
			{"knowledge", "The alert's runbook did not say which pages were actionable."},
		},
		summaries:  []string{"The {svc} alert paged {n} times in a week, mostly for nothing; a real outage was acknowledged and silenced with the rest.", "The {team} on-call engineers received pages every night from a flapping alert on {svc} and stopped trusting it."},
		missing:    []string{"A weekly review of the noisiest alerts.", "An owner for each alert with a runbook that says what to do."},
		unexpected: []string{"Silencing the alert also silenced the one that would have caught the outage."},
		actions:    []string{"Replace the static {svc} threshold with a burn-rate alert", "Review the ten noisiest alerts every week", "Route non-actionable alerts to a ticket instead of a page"},
		tags:       []string{"alerting", "on-call", "pager"},
		services:   []string{"dispatch", "order-events", "routing-engine"},
	},
	{
		name:     "failover",
		titles:   []string{"{dep} failover stalled and {svc} wrote to the old primary", "{svc} kept stale connections after a database failover", "Failover of {dep} took {n} minutes instead of one"},
		triggers: []string{"The primary of {dep} lost its disk and the automatic failover started.", "A planned failover of {dep} left {svc} connected to the demoted primary."},
		factors: []factor{
			{"hardware", "The disk of the {dep} primary failed."},
			{"dependency", "The connection pooler of {svc} cached the old primary's address."},
			{"knowledge", "Failovers were rare enough that nobody on call had done one."},
		},
		summaries:  []string{"The failover of {dep} stalled and {svc} kept writing to the old primary for {n} minutes.", "After a failover of {dep}, {svc} held stale connections and failed requests until it was restarted."},
		missing:    []string{"A regular failover drill.", "A health check in the pooler that notices a demoted primary."},
		unexpected: []string{"The pooler kept the old address although the DNS record changed."},
		actions:    []string{"Run a failover drill for {dep} every quarter", "Make the pooler of {svc} recheck the primary on error", "Write the failover runbook for {dep}"},
		tags:       []string{"database", "failover", "postgres"},
		services:   []string{"ledger", "dispatch", "orders-db"},
	},
	{
		name:     "app-crash",
		titles:   []string{"{svc} crashed on launch for users of an older OS version", "Crash on checkout in {svc} after a release", "{svc} release crashed for {n} percent of users"},
		triggers: []string{"Version {n}.2 of {svc} called an API that older OS versions do not have.", "A release of {svc} shipped with a null pointer in the checkout screen."},
		factors: []factor{
			{"change", "The release went to all users at once instead of a staged rollout."},
			{"detection", "Crash reports were reviewed weekly, not alerted on."},
			{"automation", "The test matrix in CI covered only the two newest OS versions."},
		},
		summaries:  []string{"A release of {svc} crashed on launch for users of older OS versions; the team halted the rollout and shipped a fix after {n} hours.", "{svc} crashed in the checkout screen after a release, and orders from the app fell until the fix."},
		missing:    []string{"A staged rollout with a crash-rate gate.", "Older OS versions in the CI test matrix."},
		unexpected: []string{"The app store review delayed the fix by a day."},
		actions:    []string{"Gate the {svc} rollout on the crash-free rate", "Add older OS versions to the CI matrix", "Alert on a crash-rate spike within an hour of a release"},
		tags:       []string{"mobile", "release", "crash"},
		services:   []string{"ios-app", "android-app", "courier-app"},
	},
	{
		name:     "duplicate-processing",
		titles:   []string{"Customers charged twice after {svc} retried captures", "{svc} sent every notification twice", "Duplicate orders from {svc} retries"},
		triggers: []string{"A timeout from {dep} made {svc} retry a request that had already succeeded.", "A consumer of {svc} committed offsets after processing and replayed a batch after a restart."},
		factors: []factor{
			{"automation", "Retries in {svc} did not carry an idempotency key."},
			{"dependency", "{dep} answered with a timeout although it had processed the request."},
			{"data", "Nothing in the data model prevented two captures for one order."},
		},
		summaries:  []string{"{svc} retried requests that had already succeeded at {dep}, and {n} customers were charged twice until refunds went out.", "A replay in {svc} processed a batch twice and sent duplicate messages to customers."},
		missing:    []string{"Idempotency keys on every retried call.", "A uniqueness constraint that makes duplicates impossible."},
		unexpected: []string{"The timeout came after the request had succeeded."},
		actions:    []string{"Send an idempotency key with every call from {svc} to {dep}", "Add a uniqueness constraint on captures per order", "Reconcile captures daily and alert on duplicates"},
		tags:       []string{"idempotency", "retries", "duplicates"},
		services:   []string{"payments-api", "notifications", "order-events"},
	},
	{
		name:     "bad-data",
		titles:   []string{"Prices shown a hundred times too high after a {dep} import", "Corrupted records in {svc} after a backfill", "{svc} served wrong data from a supplier feed"},
		triggers: []string{"A supplier feed switched units and {svc} imported prices in cents as euros.", "A backfill of {dep} wrote duplicated rows into {svc}."},
		factors: []factor{
			{"data", "The import accepted values far outside the usual range without question."},
			{"vendor", "The supplier changed the feed format without notice."},
			{"tooling-ux", "The backfill tool had no dry run."},
		},
		summaries:  []string{"A supplier feed changed units and {svc} showed prices a hundred times too high for {n} minutes.", "A backfill duplicated rows in {svc}; reports and invoices used wrong totals until the data was repaired."},
		missing:    []string{"Range checks on imported values.", "A dry run for backfills."},
		unexpected: []string{"Caches kept the wrong prices after the data was fixed."},
		actions:    []string{"Reject imports with values outside the expected range", "Add a dry run to the backfill tool", "Purge caches of {svc} after data repairs"},
		tags:       []string{"data-quality", "import", "backfill"},
		services:   []string{"catalog", "analytics-pipeline", "search-api"},
	},
	{
		name:     "key-rotation",
		titles:   []string{"Users logged out after a signing key rotation in {svc}", "Token validation failed after {svc} rotated keys", "{svc} rejected sessions after a key rollover"},
		triggers: []string{"{svc} rotated its signing key and removed the old one at the same time.", "A key rotation in {dep} was not picked up by {svc}'s cached key set."},
		factors: []factor{
			{"security", "The key rotation policy removed the old key immediately."},
			{"configuration", "{svc} cached the key set for a day."},
			{"knowledge", "The rotation procedure was written for a previous version of {dep}."},
		},
		summaries:  []string{"A signing key rotation in {svc} logged out every mobile user; sessions failed for {n} minutes until the old key was restored.", "{svc} kept a stale key set after {dep} rotated its keys and rejected valid tokens."},
		missing:    []string{"An overlap period in which old and new keys are both valid.", "A check that every consumer has fetched the new key set."},
		unexpected: []string{"The mobile apps did not retry the refresh and logged users out."},
		actions:    []string{"Keep the previous signing key valid for a day after rotation", "Refresh the key set of {svc} on validation failure", "Rehearse key rotation in staging"},
		tags:       []string{"auth", "keys", "rotation"},
		services:   []string{"auth-service", "sso", "api-gateway"},
	},
	{
		name:     "cache-eviction",
		titles:   []string{"Cart contents lost when {dep} evicted keys", "{svc} latency spike after cache evictions", "Cache stampede on {svc} after a {dep} restart"},
		triggers: []string{"{dep} reached its memory limit and evicted keys that {svc} treated as permanent.", "A restart of {dep} emptied the cache and every request from {svc} went to the database at once."},
		factors: []factor{
			{"configuration", "The eviction policy of {dep} was allkeys-lru, although some keys were the only copy."},
			{"capacity", "{dep} had no headroom for the seasonal growth of carts."},
			{"detection", "Evictions were not graphed."},
		},
		summaries:  []string{"{dep} evicted keys under memory pressure and {svc} lost data for {n} minutes.", "An empty cache after a restart sent all of {svc}'s reads to the database, which slowed to a crawl."},
		missing:    []string{"An alert on evictions.", "Request coalescing in front of the database."},
		unexpected: []string{"Evicted carts came back empty instead of failing loudly."},
		actions:    []string{"Store carts in the database with {dep} as a cache only", "Alert on evictions in {dep}", "Coalesce cache misses in {svc}"},
		tags:       []string{"cache", "redis", "evictions"},
		services:   []string{"cart-service", "redis", "checkout-web"},
	},
	{
		name:     "sms-outage",
		titles:   []string{"{vendor} outage stopped delivery PINs for {n} minutes", "Customers did not receive codes during a {vendor} outage", "{svc} could not send messages while {vendor} was down"},
		triggers: []string{"{vendor} stopped delivering messages in {region} without an error.", "{vendor} returned success but dropped messages for {n} minutes."},
		factors: []factor{
			{"vendor", "{svc} depended on one messaging provider with no fallback."},
			{"detection", "Delivery receipts were not monitored; the first signal was support tickets."},
			{"process-runbook", "Switching to the backup provider needed a deploy."},
		},
		summaries:  []string{"{vendor} silently dropped messages and couriers could not complete deliveries that needed a PIN for {n} minutes.", "{svc} depended on {vendor} alone; when it failed, customers did not get their codes."},
		missing:    []string{"A second provider behind a switch that needs no deploy.", "An alert on the delivery receipt rate."},
		unexpected: []string{"The provider reported success for messages it never delivered."},
		actions:    []string{"Add a second messaging provider with an automatic switch", "Alert on the delivery receipt rate of {vendor}", "Let couriers complete a delivery without a PIN during an outage"},
		tags:       []string{"sms", "vendor", "notifications"},
		services:   []string{"notifications", "courier-app", "dispatch"},
	},
}

// Words that fill the slots, and the organisation around the incidents.
var (
	teamNames = []string{"payments", "platform", "checkout", "storefront", "logistics", "mobile", "data", "search",
		"identity", "growth", "fulfilment", "catalog", "infra", "security", "support-tools", "finance", "pricing",
		"notifications", "sre", "messaging", "maps", "partners", "risk", "ledger", "warehouse", "customer-care",
		"merchandising", "ads", "experimentation", "billing"}
	serviceNames = []string{"edge-lb", "api-gateway", "checkout-web", "payments-api", "ledger", "orders-db", "dispatch",
		"routing-engine", "order-events", "courier-app", "ios-app", "android-app", "warehouse-sync", "search-api",
		"search-indexer", "catalog", "config-service", "analytics-pipeline", "notifications", "k8s-prod", "sso",
		"auth-service", "cart-service", "redis", "geocoding", "metrics-store", "log-pipeline", "pricing-api",
		"inventory", "refunds", "payouts", "fraud-scoring", "recommendations", "email-sender", "image-resizer",
		"feature-flags", "billing-api", "invoice-renderer", "tax-service", "loyalty", "reviews", "returns",
		"shipping-labels", "partner-api", "webhooks", "status-page", "support-desk", "chat-service", "maps-tiles",
		"eta-service"}
	vendors = []string{"Paystream", "Maplayer", "Textwire", "CloudMail", "GeoFast", "CardGate", "SignalHub", "ShipNow"}
	regions = []string{"eu-west", "eu-central", "uk-south", "us-east", "ap-south"}
	events  = []string{"the spring promotion", "Black Friday", "the December peak", "a marketing campaign",
		"the monthly invoice run", "the nightly batch", "a partner launch", "the summer sale"}
	roles = []string{"the on-call engineer", "the incident commander", "the {team} on-call engineer",
		"a second engineer", "the support lead", "the database on-call engineer"}
	people = []string{"Dana Whitfield", "Priya Raman", "Tomás Ortega", "Lena Fischer", "Olu Adeyemi", "Mei Tanaka",
		"Sam Okafor", "Ines Duarte", "Jonas Berg", "Aisha Khan", "Marek Nowak", "Chloé Martin", "Ravi Iyer",
		"Hana Sato", "Lucas Silva", "Noor Haddad"}

	// Sentences that any postmortem may hold, to give bodies their length
	// and ordinary vocabulary.
	impactLines = []string{
		"About {n} hundred customers saw errors while the incident lasted.",
		"Order intake fell to about {n} percent of a normal day for the same hour.",
		"Support received {n} hundred contacts, most of them by phone.",
		"No data was lost; {n} requests were retried successfully afterwards.",
		"Couriers waited on average {n} minutes longer for their routes.",
		"Refunds for the affected customers went out within {n} days.",
		"The error rate of {svc} peaked at {n} percent.",
		"Internal dashboards that read from {dep} showed stale numbers for {n} hours.",
	}
	timelineLines = []string{
		"The first alert fires for {svc}.",
		"{role} acknowledges the page and opens the dashboards.",
		"{role} declares an incident and opens the bridge.",
		"The error rate of {svc} climbs past {n} percent.",
		"{role} finds the change in the deploy log of {dep}.",
		"A rollback of {svc} starts.",
		"The rollback finishes; errors fall.",
		"{role} posts an update on the status page.",
		"Traffic to {svc} is back to normal. Mitigated.",
		"The backlog in {dep} is drained. Resolved.",
		"{role} joins the bridge and checks {dep}.",
		"Customer support reports complaints about {svc}.",
	}
	wentWell = []string{
		"The bridge opened quickly and roles were clear.",
		"The rollback of {svc} worked the first time.",
		"Support and engineering shared one channel, so updates reached customers fast.",
		"The dashboards of {dep} showed the problem as soon as someone looked.",
	}
	lessons = []string{
		"Automation that covers most cases makes the remaining manual ones easy to forget.",
		"An alert that fires every night teaches people to ignore it.",
		"A runbook that is not exercised goes out of date.",
		"Staged rollouts are as important for configuration as for code.",
		"We accept for now that {dep} stays manual until the migration is done.",
	}
	paging = []string{
		"The primary on-call engineer was paged {n} times that night, {n2} of them between 23:00 and 07:00.",
		"Two pages arrived within a minute; only one was actionable.",
		"The on-call engineer had been paged the two previous nights as well and was tired.",
	}
	assumptions = []string{
		"The team believed that every certificate was renewed automatically.",
		"We assumed that {dep} would fail over within a minute.",
		"We believed the staging configuration matched production.",
		"We assumed retries were safe because the calls were idempotent; they were not.",
		"We believed the alert would catch this; it watched a different signal.",
	}
)
