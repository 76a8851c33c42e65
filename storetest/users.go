package storetest

import (
	"reflect"
	"sync"
	"testing"

	"github.com/debrief/debrief"
)

// RunUsers runs the contract of debrief.UserService against the stores that
// open returns.
func RunUsers(t *testing.T, open Opener) {
	t.Run("CreateAndFind", func(t *testing.T) {
		s := open(t)
		u := &debrief.User{Name: "ana", Role: debrief.RoleEditor, Teams: []string{"payments", "Checkout", "payments"}}
		if err := s.CreateUser(ctx, u, "$argon2id$hash"); err != nil {
			t.Fatal(err)
		}
		got, hash, err := s.UserByName(ctx, "ANA")
		if err != nil {
			t.Fatal(err)
		}
		want := &debrief.User{Name: "ana", Role: debrief.RoleEditor, Teams: []string{"checkout", "payments"}}
		if !reflect.DeepEqual(got, want) || hash != "$argon2id$hash" {
			t.Errorf("got %+v %q, want %+v", got, hash, want)
		}
		if _, _, err := s.UserByName(ctx, "bob"); debrief.ErrorCode(err) != debrief.ENOTFOUND {
			t.Errorf("missing user: %v, want not found", err)
		}
	})
	t.Run("TakenNameConflicts", func(t *testing.T) {
		s := open(t)
		if err := s.CreateUser(ctx, &debrief.User{Name: "ana", Role: debrief.RoleViewer}, ""); err != nil {
			t.Fatal(err)
		}
		err := s.CreateUser(ctx, &debrief.User{Name: "Ana", Role: debrief.RoleAdmin}, "")
		if debrief.ErrorCode(err) != debrief.ECONFLICT {
			t.Errorf("taken name: %v, want conflict", err)
		}
		if n, _ := s.CountAdmins(ctx); n != 0 {
			t.Errorf("the refused admin was counted: %d", n)
		}
	})
	t.Run("InvalidUser", func(t *testing.T) {
		s := open(t)
		for _, u := range []*debrief.User{{Name: "", Role: debrief.RoleViewer}, {Name: "x y", Role: debrief.RoleViewer}, {Name: "ok", Role: "owner"}} {
			if err := s.CreateUser(ctx, u, ""); debrief.ErrorCode(err) != debrief.EINVALID {
				t.Errorf("%+v: %v, want invalid", u, err)
			}
		}
	})
	t.Run("Tokens", func(t *testing.T) {
		s := open(t)
		if err := s.CreateUser(ctx, &debrief.User{Name: "ivy", Role: debrief.RoleViewer, Teams: []string{"identity"}}, ""); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateToken(ctx, "ivy", "hash-1"); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateToken(ctx, "IVY", "hash-2"); err != nil {
			t.Fatal(err)
		}
		for _, h := range []string{"hash-1", "hash-2"} {
			u, err := s.UserByToken(ctx, h)
			if err != nil || u.Name != "ivy" || !reflect.DeepEqual(u.Teams, []string{"identity"}) {
				t.Errorf("token %s: %+v, %v", h, u, err)
			}
		}
		if _, err := s.UserByToken(ctx, "hash-3"); debrief.ErrorCode(err) != debrief.EUNAUTHORIZED {
			t.Errorf("unknown token: %v, want unauthorized", err)
		}
		if err := s.CreateToken(ctx, "nobody", "hash-4"); debrief.ErrorCode(err) != debrief.ENOTFOUND {
			t.Errorf("token for a missing user: %v, want not found", err)
		}
	})
	t.Run("ListAndCount", func(t *testing.T) {
		s := open(t)
		var wg sync.WaitGroup
		errs := make(chan error, 3)
		for _, u := range []*debrief.User{{Name: "zoe", Role: debrief.RoleAdmin}, {Name: "ada", Role: debrief.RoleAdmin, Teams: []string{"platform"}}, {Name: "max", Role: debrief.RoleViewer}} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs <- s.CreateUser(ctx, u, "")
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		users, err := s.Users(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, u := range users {
			names = append(names, u.Name)
		}
		if !reflect.DeepEqual(names, []string{"ada", "max", "zoe"}) || !reflect.DeepEqual(users[0].Teams, []string{"platform"}) {
			t.Errorf("users: %v (%+v)", names, users[0])
		}
		if n, err := s.CountAdmins(ctx); err != nil || n != 2 {
			t.Errorf("CountAdmins = %d, %v; want 2", n, err)
		}
	})
	t.Run("Update", func(t *testing.T) {
		s := open(t)
		for _, u := range []*debrief.User{{Name: "ada", Role: debrief.RoleAdmin}, {Name: "Eve", Role: debrief.RoleViewer, Teams: []string{"payments"}}} {
			if err := s.CreateUser(ctx, u, "$hash"); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.UpdateUser(ctx, &debrief.User{Name: "eve", Role: debrief.RoleEditor, Teams: []string{"Search", "platform"}}); err != nil {
			t.Fatal(err)
		}
		got, hash, err := s.UserByName(ctx, "eve")
		want := &debrief.User{Name: "Eve", Role: debrief.RoleEditor, Teams: []string{"platform", "search"}}
		if err != nil || !reflect.DeepEqual(got, want) || hash != "$hash" {
			t.Errorf("after the update: %+v %q %v, want %+v with the password kept", got, hash, err, want)
		}
		if err := s.UpdateUser(ctx, &debrief.User{Name: "nobody", Role: debrief.RoleViewer}); debrief.ErrorCode(err) != debrief.ENOTFOUND {
			t.Errorf("update a missing user: %v, want not found", err)
		}
		if err := s.UpdateUser(ctx, &debrief.User{Name: "eve", Role: "owner"}); debrief.ErrorCode(err) != debrief.EINVALID {
			t.Errorf("update to a bad role: %v, want invalid", err)
		}
		// The last admin stays an admin.
		if err := s.UpdateUser(ctx, &debrief.User{Name: "ada", Role: debrief.RoleViewer}); debrief.ErrorCode(err) != debrief.ECONFLICT {
			t.Errorf("demote the last admin: %v, want conflict", err)
		}
		if err := s.UpdateUser(ctx, &debrief.User{Name: "eve", Role: debrief.RoleAdmin}); err != nil {
			t.Fatal(err)
		}
		if err := s.UpdateUser(ctx, &debrief.User{Name: "ada", Role: debrief.RoleViewer, Teams: []string{"ops"}}); err != nil {
			t.Errorf("demote an admin when another is left: %v", err)
		}
		if n, _ := s.CountAdmins(ctx); n != 1 {
			t.Errorf("%d admins, want 1", n)
		}
	})
	t.Run("SetPassword", func(t *testing.T) {
		s := open(t)
		if err := s.CreateUser(ctx, &debrief.User{Name: "ivy", Role: debrief.RoleViewer}, "$old"); err != nil {
			t.Fatal(err)
		}
		if err := s.SetPassword(ctx, "IVY", "$new"); err != nil {
			t.Fatal(err)
		}
		if _, hash, _ := s.UserByName(ctx, "ivy"); hash != "$new" {
			t.Errorf("hash = %q, want the new one", hash)
		}
		if err := s.SetPassword(ctx, "nobody", "$x"); debrief.ErrorCode(err) != debrief.ENOTFOUND {
			t.Errorf("set the password of a missing user: %v, want not found", err)
		}
	})
	t.Run("Sessions", func(t *testing.T) { testSessions(t, open) })
	t.Run("Delete", func(t *testing.T) {
		s := open(t)
		for _, u := range []*debrief.User{{Name: "ada", Role: debrief.RoleAdmin}, {Name: "max", Role: debrief.RoleEditor, Teams: []string{"platform"}}} {
			if err := s.CreateUser(ctx, u, ""); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.CreateToken(ctx, "max", "hash-max"); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteUser(ctx, "MAX"); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.UserByName(ctx, "max"); debrief.ErrorCode(err) != debrief.ENOTFOUND {
			t.Errorf("the removed user: %v, want not found", err)
		}
		if _, err := s.UserByToken(ctx, "hash-max"); debrief.ErrorCode(err) != debrief.EUNAUTHORIZED {
			t.Errorf("the removed user's token: %v, want unauthorized", err)
		}
		if err := s.DeleteUser(ctx, "max"); debrief.ErrorCode(err) != debrief.ENOTFOUND {
			t.Errorf("remove a missing user: %v, want not found", err)
		}
		if err := s.DeleteUser(ctx, "ada"); debrief.ErrorCode(err) != debrief.ECONFLICT {
			t.Errorf("remove the last admin: %v, want conflict", err)
		}
		// A name that is free again can be taken again, without the old
		// teams or tokens.
		if err := s.CreateUser(ctx, &debrief.User{Name: "max", Role: debrief.RoleViewer}, ""); err != nil {
			t.Fatal(err)
		}
		if u, _, _ := s.UserByName(ctx, "max"); len(u.Teams) != 0 {
			t.Errorf("the new max has the old one's teams: %v", u.Teams)
		}
	})
}
