package main

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/auth"
	"github.com/spf13/cobra"
)

func newTokenCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "token",
		Short: "Manage API tokens",
		Long: `API tokens let scripts and tools use the JSON API as a user. The archive keeps
only their hashes; a token is named by its id, the first 12 hexadecimal
digits of its hash, which signs nobody in.`,
	}
	cmd.AddCommand(newTokenCreateCmd(g), newTokenListCmd(g), newTokenRevokeCmd(g))
	return cmd
}

func newTokenCreateCmd(g *globals) *cobra.Command {
	var user, expires string
	cmd := &cobra.Command{
		Use:   "create --user NAME [--expires WHEN]",
		Short: "Create an API token and print it",
		Long: `Create a bearer token for a user and print it alone on standard output. It
is shown only this once: the archive keeps only its hash. Its id goes to
standard error, for debrief token revoke.

--expires ends the token's use after a time (90d, 12h, 30m) or at a date
(2027-01-31, the start of that day in UTC, or an RFC 3339 time); without it
the token works until it is revoked.`,
		Example: `  TOKEN=$(debrief token create --user ana --expires 90d)
  curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8080/api/v1/postmortems`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if user == "" {
				return usageErrorf("token create needs --user NAME")
			}
			var until time.Time
			if expires != "" {
				var err error
				if until, err = parseExpiry(expires, g.now()); err != nil {
					return err
				}
			}
			s, closeStore, err := openAuditStore(cmd, g)
			if err != nil {
				return err
			}
			defer closeStore()
			token, hash, err := auth.NewToken()
			if err != nil {
				return err
			}
			t, err := s.tokens.CreateTokenExpiring(cmd.Context(), user, hash, until)
			if err != nil {
				return storeError(err)
			}
			detail := "no expiry"
			if !t.Expires.IsZero() {
				detail = "expires " + t.Expires.Format(time.RFC3339)
			}
			s.record(cmd, debrief.AuditTokenCreate, t.ID, "for "+t.User+", "+detail)
			fmt.Fprintln(g.stdout, token)
			fmt.Fprintf(g.stderr, "created token %s for %s (%s)\n", t.ID, t.User, detail)
			return nil
		},
	}
	cmd.Flags().StringVar(&user, "user", "", "the user the token acts as")
	cmd.Flags().StringVar(&expires, "expires", "", "when the token stops working: a time from now (90d, 12h) or a date (2027-01-31)")
	return cmd
}

// parseExpiry reads --expires: a time from now in days, hours or minutes,
// or a date or time. It must be in the future.
func parseExpiry(s string, now time.Time) (time.Time, error) {
	bad := func() (time.Time, error) {
		return time.Time{}, usageErrorf("--expires %q: use a time from now such as 90d, 12h or 30m, or a date such as 2027-01-31", s)
	}
	var at time.Time
	if n, ok := strings.CutSuffix(s, "d"); ok {
		days, err := strconv.Atoi(n)
		if err != nil || days <= 0 || days > 3650 {
			return bad()
		}
		at = now.AddDate(0, 0, days)
	} else if d, err := time.ParseDuration(s); err == nil {
		if d <= 0 || d > 10*365*24*time.Hour {
			return bad()
		}
		at = now.Add(d)
	} else if t, err := time.Parse(time.DateOnly, s); err == nil {
		at = t
	} else if t, err := time.Parse(time.RFC3339, s); err == nil {
		at = t
	} else {
		return bad()
	}
	if !at.After(now) {
		return time.Time{}, usageErrorf("--expires %q is in the past: a token must work for some time", s)
	}
	return at, nil
}

func newTokenListCmd(g *globals) *cobra.Command {
	var user string
	return withUserFlag(&cobra.Command{
		Use:   "list [--user NAME]",
		Short: "List API tokens: id, user, created, expires, last used",
		Long: `List shows every API token, or a user's with --user: its id, its user, when
it was created, when it expires, and when it last signed a request in (to
the minute). The tokens themselves are never shown: the archive does not
have them.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, closeStore, err := openAuditStore(cmd, g)
			if err != nil {
				return err
			}
			defer closeStore()
			if user != "" {
				if _, _, err := s.store.UserByName(cmd.Context(), user); err != nil {
					return storeError(err)
				}
			}
			list, err := s.tokens.Tokens(cmd.Context(), user)
			if err != nil {
				return storeError(err)
			}
			now := g.now()
			tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tUSER\tCREATED\tEXPIRES\tLAST USED")
			for _, t := range list {
				expires := "never"
				if !t.Expires.IsZero() {
					expires = t.Expires.Format(time.RFC3339)
					if !now.Before(t.Expires) {
						expires += " (expired)"
					}
				}
				used := "never"
				if !t.LastUsed.IsZero() {
					used = t.LastUsed.Format(time.RFC3339)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.ID, t.User, t.Created.Format(time.RFC3339), expires, used)
			}
			return tw.Flush()
		},
	}, &user)
}

func withUserFlag(cmd *cobra.Command, user *string) *cobra.Command {
	cmd.Flags().StringVar(user, "user", "", "only this user's tokens")
	return cmd
}

func newTokenRevokeCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "revoke ID",
		Short: "Revoke an API token, by the id that token list shows",
		Long: `Revoke deletes an API token: the next request that sends it is refused.
Name it by the id that debrief token list shows.`,
		Example: `  debrief token list --user ana
  debrief token revoke 3f9a0c12b7de`,
		Args: exactArgs(1, "token revoke needs one token id, from debrief token list"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := debrief.ValidTokenID(args[0]); err != nil {
				return usageErrorf("%s", debrief.ErrorMessage(err))
			}
			s, closeStore, err := openAuditStore(cmd, g)
			if err != nil {
				return err
			}
			defer closeStore()
			t, err := s.tokens.RevokeToken(cmd.Context(), args[0])
			if err != nil {
				return storeError(err)
			}
			s.record(cmd, debrief.AuditTokenRevoke, t.ID, "of "+t.User)
			fmt.Fprintf(g.stderr, "revoked token %s of %s\n", t.ID, t.User)
			return nil
		},
	}
}
