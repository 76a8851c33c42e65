package remind

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/debrief/debrief/credential"
	"github.com/wneessen/go-mail"
)

// MailConfig is the SMTP server digests are sent through, as
// .debrief.yaml writes it. The password comes from the environment or a
// file, never from the configuration file itself.
type MailConfig struct {
	Host string `yaml:"host"`
	// Port is the submission port; 587 when 0.
	Port     int               `yaml:"port"`
	Username string            `yaml:"username"`
	Password credential.Source `yaml:"password"`
	From     string            `yaml:"from"`
	// InsecureNoTLS sends without STARTTLS, password and digests in the
	// clear. It is for a relay on the same host, and must be switched on
	// on purpose: by default a server that does not offer STARTTLS gets
	// nothing.
	InsecureNoTLS bool `yaml:"insecure_no_tls"`
}

// Mailer sends digests by e-mail over SMTP. STARTTLS is required: a server
// that does not offer it gets nothing, unless InsecureNoTLS says so.
type Mailer struct {
	Host     string
	Port     int
	Username string
	Password credential.Secret
	From     string
	// InsecureNoTLS sends in the clear (see MailConfig).
	InsecureNoTLS bool
	// TLSConfig verifies the server's certificate; the system's roots and
	// Host as the server name when nil.
	TLSConfig *tls.Config
	// Timeout bounds the connection and each command; 30 seconds when 0.
	Timeout time.Duration
}

// NewMailer checks the configuration and loads the password.
func NewMailer(c MailConfig) (*Mailer, error) {
	if strings.TrimSpace(c.Host) == "" {
		return nil, errors.New("reminders by e-mail: smtp.host is not set")
	}
	if !strings.Contains(c.From, "@") {
		return nil, fmt.Errorf("reminders by e-mail: smtp.from %q is not an e-mail address", c.From)
	}
	m := &Mailer{Host: c.Host, Port: c.Port, Username: c.Username, From: c.From, InsecureNoTLS: c.InsecureNoTLS}
	if c.Username != "" {
		p, err := c.Password.Load()
		if err != nil {
			return nil, fmt.Errorf("reminders by e-mail: the SMTP password (%s): %w", c.Password, err)
		}
		m.Password = p
	}
	return m, nil
}

// Send sends m to its recipients as a plain-text e-mail, with a Message-ID
// made from its key, so that mail clients recognise a copy.
func (m *Mailer) Send(ctx context.Context, msg *Message) error {
	if len(msg.To) == 0 {
		return errors.New("no e-mail address for the " + msg.Team + " team")
	}
	e := mail.NewMsg()
	if err := e.From(m.From); err != nil {
		return fmt.Errorf("the sender %q: %w", m.From, err)
	}
	if err := e.To(msg.To...); err != nil {
		return fmt.Errorf("the recipients of the %s team: %w", msg.Team, err)
	}
	e.Subject(msg.Subject)
	e.SetDate()
	e.SetMessageIDWithValue(messageID(msg.Key, m.From))
	e.SetGenHeader("X-Debrief-Digest", msg.Key)
	e.SetBodyString(mail.TypeTextPlain, msg.Text)

	port, timeout := m.Port, m.Timeout
	if port == 0 {
		port = 587
	}
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	opts := []mail.Option{mail.WithPort(port), mail.WithTimeout(timeout), mail.WithTLSPolicy(mail.TLSMandatory)}
	if m.InsecureNoTLS {
		opts[2] = mail.WithTLSPolicy(mail.NoTLS)
	}
	if m.TLSConfig != nil {
		opts = append(opts, mail.WithTLSConfig(m.TLSConfig))
	}
	if m.Username != "" {
		auth := mail.SMTPAuthPlain
		if m.InsecureNoTLS {
			auth = mail.SMTPAuthPlainNoEnc
		}
		opts = append(opts, mail.WithSMTPAuth(auth), mail.WithUsername(m.Username), mail.WithPassword(m.Password.Reveal()))
	}
	c, err := mail.NewClient(m.Host, opts...)
	if err != nil {
		return fmt.Errorf("reminders by e-mail: %w", err)
	}
	if err := c.DialAndSendWithContext(ctx, e); err != nil {
		return fmt.Errorf("sending the %s digest to %s:%d: %w", msg.Team, m.Host, port, err)
	}
	return nil
}

// messageID makes a stable Message-ID from a digest's key and the sender's
// domain.
func messageID(key, from string) string {
	sum := sha256.Sum256([]byte(key))
	domain := from[strings.LastIndexByte(from, '@')+1:]
	return "digest." + hex.EncodeToString(sum[:12]) + "@" + strings.Trim(domain, "<> ")
}
