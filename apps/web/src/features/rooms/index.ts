// The rooms feature's public face: what other features and the app may use.
export { roomLiveUpdates } from './api/room-live-updates';
export {
  findMyConversation,
  useGeneralMentions,
  useGeneralRead,
  useMyRoomCounts,
  useRoomRead,
} from './api/room-mentions';
export { useGeneral, useMyRooms, useRoom, useRoomRemoval } from './api/rooms';
export { canModerate } from './logic/moderation';
export { GeneralHeader } from './components/general-header';
export { MemberList } from './components/member-list';
export { NewRoomDialog } from './components/new-room-dialog';
export { RoomHeader } from './components/room-header';
export { RoomList } from './components/room-list';
export { RoomsNav } from './components/rooms-nav';
export { UnknownRoom } from './components/unknown-room';
