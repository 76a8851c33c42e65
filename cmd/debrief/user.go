package main

import (
	"bufio"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/debrief/debrief"
	"github.com/debrief/debrief/auth"
	"github.com/spf13/cobra"
)

func newUserCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "user",
		Short: "Manage the archive's users",
		Long: `Users sign in to the web app and own API tokens. Viewers read, editors also
write, admins also manage users and see every restricted postmortem. Users
belong to teams, which decide the restricted postmortems they see.`,
	}
	cmd.AddCommand(newUserAddCmd(g), newUserListCmd(g), newUserSetCmd(g), newUserPasswdCmd(g), newUserRemoveCmd(g))
	return cmd
}

func newUserAddCmd(g *globals) *cobra.Command {
	var (
		role          string
		teams         []string
		passwordStdin bool
	)
	cmd := &cobra.Command{
		Use:   "add NAME",
		Short: "Add a user",
		Long: `Add a user with a role and teams. With --password-stdin the first line of
standard input is the password for signing in to the web app; without it the
user can use API tokens only (debrief token create).`,
		Example: `  printf '%s\n' "$PASSWORD" | debrief user add ana --role editor --team payments --password-stdin`,
		Args:    exactArgs(1, "user add needs one user name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			u := &debrief.User{Name: args[0], Role: debrief.Role(role), Teams: debrief.Keys(teams)}
			if err := u.Validate(); err != nil {
				return usageErrorf("%s", debrief.ErrorMessage(err))
			}
			hash := ""
			if passwordStdin {
				var err error
				if hash, err = readPassword(g); err != nil {
					return err
				}
			}
			users, closeStore, err := openUsers(cmd, g)
			if err != nil {
				return err
			}
			defer closeStore()
			if err := users.CreateUser(cmd.Context(), u, hash); err != nil {
				return storeError(err)
			}
			recordUserChange(cmd, g, users, debrief.AuditUserCreate, u.Name, debrief.UserDetail(u))
			fmt.Fprintf(g.stderr, "added %s (%s", u.Name, u.Role)
			if len(u.Teams) > 0 {
				fmt.Fprintf(g.stderr, "; teams %s", strings.Join(u.Teams, ", "))
			}
			fmt.Fprintln(g.stderr, ")")
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&role, "role", "viewer", "viewer, editor or admin")
	f.StringSliceVar(&teams, "team", nil, "team the user belongs to (repeat or separate with commas)")
	f.BoolVar(&passwordStdin, "password-stdin", false, "read the password from the first line of standard input")
	_ = cmd.RegisterFlagCompletionFunc("role", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"viewer", "editor", "admin"}, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// readPassword reads a password from the first line of standard input and
// returns its hash.
func readPassword(g *globals) (string, error) {
	line, err := bufio.NewReader(g.stdin).ReadString('\n')
	password := strings.TrimRight(line, "\r\n")
	if password == "" {
		if err != nil && line == "" {
			return "", usageErrorf("--password-stdin: standard input is empty")
		}
		return "", usageErrorf("--password-stdin: the password is empty")
	}
	if msg := auth.PasswordProblem(password); msg != "" {
		return "", usageErrorf("--password-stdin: %s", msg)
	}
	return auth.HashPassword(password)
}

func newUserSetCmd(g *globals) *cobra.Command {
	var (
		role  string
		teams []string
	)
	cmd := &cobra.Command{
		Use:   "set NAME [--role ROLE] [--team TEAM]...",
		Short: "Change a user's role or teams",
		Long: `Set changes a user's role, teams or both; what is not given stays as it is.
--team replaces the user's teams (--team "" leaves none). The last admin keeps
the admin role, so that someone can always manage users. Browser sessions
see the change within a minute.`,
		Example: `  debrief user set eve --role admin
  debrief user set eve --team payments --team checkout`,
		Args: exactArgs(1, "user set needs one user name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("role") && !cmd.Flags().Changed("team") {
				return usageErrorf("user set needs --role, --team or both")
			}
			users, closeStore, err := openUsers(cmd, g)
			if err != nil {
				return err
			}
			defer closeStore()
			u, _, err := users.UserByName(cmd.Context(), args[0])
			if err != nil {
				return storeError(err)
			}
			before := *u
			if cmd.Flags().Changed("role") {
				u.Role = debrief.Role(role)
			}
			if cmd.Flags().Changed("team") {
				u.Teams = debrief.Keys(teams)
			}
			if err := users.UpdateUser(cmd.Context(), u); err != nil {
				return storeError(err)
			}
			recordUserChange(cmd, g, users, debrief.AuditUserRole, u.Name, debrief.UserChange(&before, u))
			g.log.Info("changed a user", "user", u.Name, "role", u.Role, "teams", strings.Join(u.Teams, ","), "by", "operator")
			fmt.Fprintf(g.stderr, "%s is %s", u.Name, u.Role)
			if len(u.Teams) > 0 {
				fmt.Fprintf(g.stderr, "; teams %s", strings.Join(u.Teams, ", "))
			}
			fmt.Fprintln(g.stderr)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&role, "role", "", "viewer, editor or admin")
	f.StringSliceVar(&teams, "team", nil, "team the user belongs to (repeat or separate with commas); replaces the user's teams")
	return cmd
}

func newUserPasswdCmd(g *globals) *cobra.Command {
	var passwordStdin, none bool
	cmd := &cobra.Command{
		Use:   "passwd NAME --password-stdin",
		Short: "Reset a user's password",
		Long: `Passwd sets a new password for signing in to the web app, read from the first
line of standard input; with --none the user can no longer sign in with a
password and keeps its API tokens only.`,
		Example: `  printf '%s\n' "$NEW_PASSWORD" | debrief user passwd ana --password-stdin`,
		Args:    exactArgs(1, "user passwd needs one user name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if passwordStdin == none {
				return usageErrorf("user passwd needs --password-stdin or --none")
			}
			hash := ""
			if passwordStdin {
				var err error
				if hash, err = readPassword(g); err != nil {
					return err
				}
			}
			users, closeStore, err := openUsers(cmd, g)
			if err != nil {
				return err
			}
			defer closeStore()
			if err := users.SetPassword(cmd.Context(), args[0], hash); err != nil {
				return storeError(err)
			}
			detail := "password reset"
			if none {
				detail = "password removed"
			}
			recordUserChange(cmd, g, users, debrief.AuditUserPassword, args[0], detail)
			g.log.Info("reset a password", "user", args[0], "by", "operator")
			fmt.Fprintf(g.stderr, "reset the password of %s\n", args[0])
			return nil
		},
	}
	cmd.Flags().BoolVar(&passwordStdin, "password-stdin", false, "read the new password from the first line of standard input")
	cmd.Flags().BoolVar(&none, "none", false, "remove the password: API tokens only")
	return cmd
}

func newUserRemoveCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "remove NAME",
		Short: "Remove a user with its API tokens",
		Long: `Remove deletes a user, its teams and its API tokens. Its browser sessions end
within a minute. The last admin cannot be removed.`,
		Args: exactArgs(1, "user remove needs one user name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			users, closeStore, err := openUsers(cmd, g)
			if err != nil {
				return err
			}
			defer closeStore()
			if err := users.DeleteUser(cmd.Context(), args[0]); err != nil {
				return storeError(err)
			}
			recordUserChange(cmd, g, users, debrief.AuditUserDelete, args[0], "")
			g.log.Info("removed a user", "user", args[0], "by", "operator")
			fmt.Fprintf(g.stderr, "removed %s\n", args[0])
			return nil
		},
	}
}

func newUserListCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List users with their roles and teams",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			users, closeStore, err := openUsers(cmd, g)
			if err != nil {
				return err
			}
			defer closeStore()
			list, err := users.Users(cmd.Context())
			if err != nil {
				return storeError(err)
			}
			tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tROLE\tTEAMS")
			for _, u := range list {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", u.Name, u.Role, strings.Join(u.Teams, ", "))
			}
			return tw.Flush()
		},
	}
}

func exactArgs(n int, msg string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageErrorf("%s", msg)
		}
		return nil
	}
}

// storeError turns an archive error into the command's error: invalid input
// and conflicts are the user's to fix (exit 2), a storage that refuses to
// write is reported with its cause (exit 2), anything else as it is.
func storeError(err error) error {
	switch debrief.ErrorCode(err) {
	case debrief.EINVALID, debrief.ECONFLICT, debrief.ENOTFOUND, debrief.EFORBIDDEN, debrief.EUNAUTHORIZED, debrief.EUNAVAILABLE:
		return &exitError{code: 2, msg: errorText(err)}
	}
	return err
}

// errorText is an archive error as the operator reads it: the user-facing
// message, and its cause when it has one. The operator runs debrief on the
// archive's own machine, so the cause may name files and servers.
func errorText(err error) string {
	var e *debrief.Error
	if !errors.As(err, &e) {
		return err.Error()
	}
	if e.Err != nil {
		return fmt.Sprintf("%s (%v)", e.Message, e.Err)
	}
	return e.Message
}

// openUsers opens the archive for a user or token command and returns its
// users and a function that closes it.
func openUsers(cmd *cobra.Command, g *globals) (debrief.UserService, func(), error) {
	s, err := openStore(cmd.Context(), g, storeOptions{})
	if err != nil {
		return nil, nil, err
	}
	return s, func() { s.Close() }, nil
}
