-- Open invitations by draw: the answer-window recovery sweep looks for draws whose members are still invited.
create index expert_seat_invited_idx on expert_seat (draw_id) where state = 'INVITED';
