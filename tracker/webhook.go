package tracker

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/debrief/debrief/credential"
)

// Event is what one webhook delivery says about an issue.
type Event struct {
	// Tracker is "github" or "jira"; Delivery the delivery's id.
	Tracker, Delivery string
	// Link is the link, as action items store it.
	Link string
	// Remote is the state after the event.
	Remote Remote
	// Ignored says why the delivery changes no status ("ping", "issue
	// edited"); Remote is then unset.
	Ignored string
}

// Deliveries remembers the webhook deliveries already applied, so that a
// delivery sent again (a retry, a redelivery by hand) is dropped. The
// store implements it. A delivery is recorded after it is applied, so one
// whose apply failed is applied when it comes again; two copies arriving
// at the same moment may both apply, which changes nothing the second
// time, since an update sets a status the item already has.
type Deliveries interface {
	Seen(ctx context.Context, tracker, id string) (bool, error)
	Record(ctx context.Context, tracker, id string, at time.Time) error
}

// ErrSignature is the error of a delivery whose signature is missing or
// does not match the secret.
var ErrSignature = errors.New("the webhook signature does not match")

// VerifySignature checks a WebSub-style signature header, "sha256=<hex of
// HMAC-SHA256 of the body>", as GitHub sends in X-Hub-Signature-256 and
// Jira in X-Hub-Signature, in constant time.
func VerifySignature(secret credential.Secret, body []byte, header string) error {
	algo, sig, ok := strings.Cut(strings.TrimSpace(header), "=")
	if !ok || !strings.EqualFold(algo, "sha256") || secret.IsZero() {
		return ErrSignature
	}
	got, err := hex.DecodeString(sig)
	if err != nil {
		return ErrSignature
	}
	mac := hmac.New(sha256.New, []byte(secret.Reveal()))
	mac.Write(body)
	if !hmac.Equal(got, mac.Sum(nil)) {
		return ErrSignature
	}
	return nil
}

// Sign returns the signature header of body, as the trackers compute it.
func Sign(secret credential.Secret, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret.Reveal()))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// MaxWebhookBody is the largest delivery taken: issue events are a few
// kilobytes, GitHub caps payloads at 25 MB.
const MaxWebhookBody = 5 << 20

// WebhookHandler receives one tracker's signed deliveries. It answers 401
// to a bad signature, 400 to a delivery without an id or with a payload it
// cannot read, 200 to a duplicate (applied before) or an event that
// changes no status, and 500 when Apply fails, leaving the delivery
// unrecorded so that a redelivery applies it.
type WebhookHandler struct {
	// Tracker names the tracker: "github" or "jira".
	Tracker    string
	Secret     credential.Secret
	Deliveries Deliveries
	// Parse reads a verified delivery.
	Parse func(r *http.Request, body []byte) (*Event, error)
	// Signature and DeliveryID name the headers that carry them.
	Signature, DeliveryID string
	// Apply saves the event: it finds the item that links to the issue and
	// updates its status (Incoming says to what).
	Apply  func(ctx context.Context, e *Event) error
	Now    func() time.Time
	Logger *slog.Logger
}

// GitHubWebhook returns the handler of GitHub's issues webhook.
func GitHubWebhook(secret credential.Secret, d Deliveries, apply func(context.Context, *Event) error) *WebhookHandler {
	return &WebhookHandler{Tracker: "github", Secret: secret, Deliveries: d, Apply: apply,
		Signature: "X-Hub-Signature-256", DeliveryID: "X-GitHub-Delivery",
		Parse: func(r *http.Request, body []byte) (*Event, error) {
			return ParseGitHubEvent(r.Header.Get("X-GitHub-Event"), r.Header.Get("Content-Type"), body)
		}}
}

// JiraWebhook returns the handler of a Jira Cloud admin webhook registered
// with a secret, for issue events of the site j.
func JiraWebhook(j *Jira, secret credential.Secret, d Deliveries, apply func(context.Context, *Event) error) *WebhookHandler {
	return &WebhookHandler{Tracker: "jira", Secret: secret, Deliveries: d, Apply: apply,
		Signature: "X-Hub-Signature", DeliveryID: "X-Atlassian-Webhook-Identifier",
		Parse: func(_ *http.Request, body []byte) (*Event, error) { return j.ParseEvent(body) }}
}

func (h *WebhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		http.Error(w, "webhooks are POSTed", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxWebhookBody))
	if err != nil {
		http.Error(w, "the delivery is too large or cut short", http.StatusRequestEntityTooLarge)
		return
	}
	log := h.Logger
	if log == nil {
		log = slog.Default()
	}
	if err := VerifySignature(h.Secret, body, r.Header.Get(h.Signature)); err != nil {
		log.Warn("webhook refused", "tracker", h.Tracker, "reason", "bad signature")
		http.Error(w, "bad signature: check that the webhook's secret is the one debrief has", http.StatusUnauthorized)
		return
	}
	id := strings.TrimSpace(r.Header.Get(h.DeliveryID))
	if id == "" || len(id) > 200 {
		http.Error(w, "the delivery has no "+h.DeliveryID+" header", http.StatusBadRequest)
		return
	}
	ctx := r.Context()
	seen, err := h.Deliveries.Seen(ctx, h.Tracker, id)
	if err != nil {
		log.Error("webhook: reading deliveries", "tracker", h.Tracker, "delivery", id, "error", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if seen {
		reply(w, "duplicate delivery "+id+": applied before")
		return
	}
	e, err := h.Parse(r, body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	e.Tracker, e.Delivery = h.Tracker, id
	if e.Ignored == "" {
		if err := h.Apply(ctx, e); err != nil {
			log.Error("webhook: applying", "tracker", h.Tracker, "delivery", id, "issue", e.Link, "error", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
	}
	now := time.Now
	if h.Now != nil {
		now = h.Now
	}
	if err := h.Deliveries.Record(context.WithoutCancel(ctx), h.Tracker, id, now()); err != nil {
		log.Error("webhook: recording the delivery", "tracker", h.Tracker, "delivery", id, "error", err)
	}
	if e.Ignored != "" {
		reply(w, "ignored: "+e.Ignored)
		return
	}
	log.Info("webhook applied", "tracker", h.Tracker, "delivery", id, "issue", e.Link, "status", string(e.Remote.Status))
	reply(w, fmt.Sprintf("applied: %s is %s", e.Link, e.Remote.Status))
}

func reply(w http.ResponseWriter, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	io.WriteString(w, msg+"\n")
}
