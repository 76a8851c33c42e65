package remind

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"io"
	"math/big"
	"mime/quotedprintable"
	"net"
	netmail "net/mail"
	"net/textproto"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/debrief/debrief/credential"
)

// smtpServer is a small SMTP server that speaks the real protocol to
// go-mail: EHLO, STARTTLS when it has a certificate, AUTH PLAIN, MAIL,
// RCPT, DATA, RSET, NOOP, QUIT. It records what it received.
type smtpServer struct {
	t    *testing.T
	ln   net.Listener
	cert *tls.Config // nil: no STARTTLS offered

	mu    sync.Mutex
	mails []received
	auths []string
}

type received struct {
	from string
	to   []string
	data string
	tls  bool
}

func newSMTPServer(t *testing.T, withTLS bool) (*smtpServer, *tls.Config) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpServer{t: t, ln: ln}
	var client *tls.Config
	if withTLS {
		s.cert, client = testCertificate(t)
	}
	go s.serve()
	t.Cleanup(func() { ln.Close() })
	return s, client
}

// testCertificate makes a self-signed certificate for 127.0.0.1: the
// server's configuration, and a client's that trusts only it.
func testCertificate(t *testing.T) (server, client *tls.Config) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "smtp test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}},
		&tls.Config{RootCAs: pool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12}
}

func (s *smtpServer) port() int { return s.ln.Addr().(*net.TCPAddr).Port }

func (s *smtpServer) serve() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		go s.handle(c)
	}
}

func (s *smtpServer) handle(c net.Conn) {
	defer func() { c.Close() }()
	tp := textproto.NewConn(c)
	isTLS := false
	var cur received
	reply := func(lines ...string) { _ = tp.PrintfLine("%s", strings.Join(lines, "\r\n")) }
	reply("220 127.0.0.1 ESMTP test")
	for {
		line, err := tp.ReadLine()
		if err != nil {
			return
		}
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO", "HELO":
			lines := []string{"250-127.0.0.1 greets " + arg}
			if s.cert != nil && !isTLS {
				lines = append(lines, "250-STARTTLS")
			}
			reply(append(lines, "250-AUTH PLAIN", "250-8BITMIME", "250 SIZE 1048576")...)
		case "STARTTLS":
			if s.cert == nil {
				reply("502 5.5.1 no STARTTLS here")
				continue
			}
			reply("220 2.0.0 go ahead")
			tc := tls.Server(c, s.cert)
			if err := tc.Handshake(); err != nil {
				return
			}
			c, tp, isTLS = tc, textproto.NewConn(tc), true
		case "AUTH":
			mech, resp, _ := strings.Cut(arg, " ")
			if strings.ToUpper(mech) != "PLAIN" {
				reply("504 5.5.4 unrecognised mechanism")
				continue
			}
			if resp == "" {
				reply("334 ")
				if resp, err = tp.ReadLine(); err != nil {
					return
				}
			}
			b, _ := base64.StdEncoding.DecodeString(resp)
			s.mu.Lock()
			s.auths = append(s.auths, string(b))
			s.mu.Unlock()
			reply("235 2.7.0 authenticated")
		case "MAIL":
			cur = received{from: arg, tls: isTLS}
			reply("250 2.1.0 ok")
		case "RCPT":
			cur.to = append(cur.to, arg)
			reply("250 2.1.5 ok")
		case "DATA":
			reply("354 end with <CR><LF>.<CR><LF>")
			data, err := tp.ReadDotBytes()
			if err != nil {
				return
			}
			cur.data = string(data)
			s.mu.Lock()
			s.mails = append(s.mails, cur)
			s.mu.Unlock()
			reply("250 2.0.0 queued")
		case "RSET":
			cur = received{tls: isTLS}
			reply("250 2.0.0 ok")
		case "NOOP":
			reply("250 2.0.0 ok")
		case "QUIT":
			reply("221 2.0.0 bye")
			return
		default:
			reply("502 5.5.2 command not recognised")
		}
	}
}

func (s *smtpServer) received() ([]received, []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.mails...), append([]string(nil), s.auths...)
}

func emailMessage(t *testing.T) *Message {
	t.Helper()
	d := Build(day("2026-03-10"), []string{"payments"}, input())[0]
	ms, err := Messages(d, Route{Team: "payments", Email: []string{"payments-leads@example.com", "sre@example.com"}}, Links{Base: "https://debrief.example.com"})
	if err != nil {
		t.Fatal(err)
	}
	return ms[0]
}

func TestMailerSTARTTLS(t *testing.T) {
	srv, clientTLS := newSMTPServer(t, true)
	m := &Mailer{Host: "127.0.0.1", Port: srv.port(), Username: "debrief", Password: credential.New("smtp-pa55word"),
		From: "debrief@example.com", TLSConfig: clientTLS, Timeout: 5 * time.Second}
	msg := emailMessage(t)
	if err := m.Send(context.Background(), msg); err != nil {
		t.Fatalf("Send: %v", err)
	}
	mails, auths := srv.received()
	if len(mails) != 1 {
		t.Fatalf("%d mails received", len(mails))
	}
	got := mails[0]
	if !got.tls {
		t.Error("the mail went in the clear")
	}
	if !strings.Contains(got.from, "<debrief@example.com>") || len(got.to) != 2 || !strings.Contains(got.to[0], "<payments-leads@example.com>") {
		t.Errorf("envelope from %q to %q", got.from, got.to)
	}
	if len(auths) != 1 || auths[0] != "\x00debrief\x00smtp-pa55word" {
		t.Errorf("AUTH PLAIN got %q", auths)
	}
	// Read it as a mail client does: headers unfolded, body decoded.
	parsed, err := netmail.ReadMessage(strings.NewReader(got.data))
	if err != nil {
		t.Fatalf("not a mail: %v\n%s", err, got.data)
	}
	h := parsed.Header
	if s := h.Get("Subject"); s != "debrief: 2 overdue, 2 due within 7 days, 1 risk review due, 1 postmortem past its review date for payments on 2026-03-10" {
		t.Errorf("Subject %q", s)
	}
	if h.Get("X-Debrief-Digest") != "digest/payments/2026-03-10/email" || !strings.HasPrefix(h.Get("Message-ID"), "<digest.") || !strings.HasPrefix(h.Get("Content-Type"), "text/plain") {
		t.Errorf("headers %v", h)
	}
	body, err := io.ReadAll(quotedprintable.NewReader(parsed.Body))
	if err != nil || string(body) != strings.ReplaceAll(msg.Text, "\n", "\r\n") && string(body) != msg.Text {
		t.Errorf("body (%v)\n%q\nwant\n%q", err, body, msg.Text)
	}
	// Sent again, the same digest keeps its Message-ID.
	if err := m.Send(context.Background(), msg); err != nil {
		t.Fatal(err)
	}
	mails, _ = srv.received()
	if id := func(s string) string { i := strings.Index(s, "Message-ID:"); return s[i : i+60] }; id(mails[0].data) != id(mails[1].data) {
		t.Errorf("Message-IDs differ: %q, %q", id(mails[0].data), id(mails[1].data))
	}
}

func TestMailerRefusesPlaintext(t *testing.T) {
	srv, _ := newSMTPServer(t, false)
	m := &Mailer{Host: "127.0.0.1", Port: srv.port(), Username: "debrief", Password: credential.New("smtp-pa55word"),
		From: "debrief@example.com", Timeout: 5 * time.Second}
	err := m.Send(context.Background(), emailMessage(t))
	if err == nil || !strings.Contains(strings.ToLower(err.Error()), "starttls") {
		t.Fatalf("Send to a server without STARTTLS = %v, want a refusal", err)
	}
	if strings.Contains(err.Error(), "pa55word") {
		t.Errorf("the error shows the password: %v", err)
	}
	mails, auths := srv.received()
	if len(mails) != 0 || len(auths) != 0 {
		t.Errorf("sent %d mails and %d passwords in the clear", len(mails), len(auths))
	}

	// Switched off on purpose, for a relay on the same host.
	m.InsecureNoTLS = true
	if err := m.Send(context.Background(), emailMessage(t)); err != nil {
		t.Fatalf("Send without TLS on purpose: %v", err)
	}
	mails, auths = srv.received()
	if len(mails) != 1 || mails[0].tls || len(auths) != 1 {
		t.Errorf("mails %d (tls %v), auths %d", len(mails), len(mails) > 0 && mails[0].tls, len(auths))
	}
}

func TestMailerBadCertificate(t *testing.T) {
	srv, _ := newSMTPServer(t, true)
	// The client trusts only the system's roots: the test certificate fails.
	m := &Mailer{Host: "127.0.0.1", Port: srv.port(), From: "debrief@example.com", Timeout: 5 * time.Second}
	if err := m.Send(context.Background(), emailMessage(t)); err == nil {
		t.Fatal("a server with an untrusted certificate got the digest")
	}
	if mails, _ := srv.received(); len(mails) != 0 {
		t.Errorf("%d mails went through", len(mails))
	}
}

func TestNewMailer(t *testing.T) {
	t.Setenv("DEBRIEF_TEST_SMTP_PASSWORD", "pw")
	m, err := NewMailer(MailConfig{Host: "smtp.example.com", Username: "u", Password: credential.Source{Env: "DEBRIEF_TEST_SMTP_PASSWORD"}, From: "debrief@example.com"})
	if err != nil || m.Password.Reveal() != "pw" || m.InsecureNoTLS {
		t.Fatalf("NewMailer = %+v, %v", m, err)
	}
	for _, c := range []MailConfig{
		{From: "debrief@example.com"},
		{Host: "smtp.example.com", From: "debrief"},
		{Host: "smtp.example.com", From: "debrief@example.com", Username: "u", Password: credential.Source{Env: "DEBRIEF_TEST_NOPE"}},
	} {
		if _, err := NewMailer(c); err == nil {
			t.Errorf("NewMailer(%+v) took it", c)
		}
	}
	if got := messageID("digest/payments/2026-03-10/email", "debrief@example.com"); !strings.HasPrefix(got, "digest.") || !strings.HasSuffix(got, "@example.com") || len(got) != len("digest.")+24+len("@example.com") {
		t.Errorf("messageID = %q", got)
	}
}
